// Every source with its state, figures, last error and cooldown; resets where the server says this caller may.
'use strict';

(() => {
  const { api, el, ms, percent, stateBadge, since, failure } = window.CoinSource;
  let allowed = false;

  document.addEventListener('DOMContentLoaded', async () => {
    const access = await api('/api/admin/access');
    allowed = access.ok && access.body.allowed;
    document.getElementById('access').textContent = access.ok
      ? (allowed ? `Resets are available: ${access.body.reason}.` : `Resets are not available to you: ${access.body.reason}.`)
      : failure(access);
    document.getElementById('reset-all').hidden = !allowed;
    document.getElementById('reset-all').addEventListener('click', () => reset('/api/source-health/reset-all', 'all sources'));
    load();
    setInterval(load, 10000);
  });

  async function load() {
    const answer = await api('/api/source-health/status');
    const notice = document.getElementById('sources-notice');
    if (!answer.ok) {
      notice.textContent = failure(answer);
      return;
    }
    const { summary, sources } = answer.body;
    notice.textContent = `${summary.healthy} healthy, ${summary.degraded} degraded, ${summary.offline} offline, `
      + `${summary.disabled} disabled.`;
    const banner = document.getElementById('health-banner');
    banner.hidden = summary.offline === 0 || summary.healthy + summary.degraded > 0;
    banner.textContent = 'Every enabled source is OFFLINE: the upstreams cannot be reached. Answers come from '
      + 'stale data where there is some.';
    document.getElementById('sources-rows').replaceChildren(...sources.map(row));
  }

  function row(source) {
    const h = source.health;
    const lastError = h.lastFailureReason
      ? [el('div', {}, h.lastFailureReason), el('div', { className: 'small muted' }, since(h.lastFailure))]
      : [el('span', { className: 'muted' }, 'none')];
    const cells = [
      el('th', { scope: 'row' }, source.name, el('div', { className: 'small muted' }, source.capabilities.join(', '))),
      el('td', {}, stateBadge(source.status), h.stateReason ? el('div', { className: 'small muted' }, h.stateReason)
        : null, source.disabledReason ? el('div', { className: 'small muted' }, source.disabledReason) : null),
      el('td', { className: 'num' }, percent(h.successRate)),
      el('td', { className: 'num' }, `${h.successes} / ${h.failures}`),
      el('td', { className: 'small' }, source.enabled ? uptime(h) : '–'),
      el('td', { className: 'num' }, `${ms(h.averageLatencyMs)} / ${ms(h.p95LatencyMs)}`),
      el('td', { className: 'num' }, h.consecutiveFailures),
      el('td', { className: 'small' }, lastError),
      el('td', { className: 'small' }, h.cooldownUntil ? until(h.cooldownUntil)
        : h.throttledUntil ? `throttled ${until(h.throttledUntil)}` : '–'),
      el('td', { className: 'small' }, h.budget ? `${h.budget.remaining} left of ${h.budget.limit}` : '–'),
      el('td', {}, allowed && source.enabled ? resetButton(source.name) : el('span', { className: 'muted small' }, '–')),
    ];
    return el('tr', { 'data-source': source.name, 'data-status': source.status }, cells);
  }

  /**
   * Uptime figures the health API gives: 24 h and 7 d (ratios 0 to 1, like successRate) where it keeps them, and
   * how long the source has been in its current state.
   */
  function uptime(h) {
    const figures = h.uptime || {};
    const parts = [];
    const kept = [['24 h', h.uptime24h ?? figures.uptime24h], ['7 d', h.uptime7d ?? figures.uptime7d]];
    for (const [label, value] of kept) {
      if (value !== undefined && value !== null) parts.push(`${label} ${percent(value, 2)}`);
    }
    if (h.since) parts.push(`${h.state} for ${window.CoinSource.age((Date.now() - Date.parse(h.since)) / 1000)}`);
    return parts.join(', ');
  }

  function until(timestamp) {
    const seconds = Math.round((Date.parse(timestamp) - Date.now()) / 1000);
    const when = new Date(timestamp).toLocaleTimeString('en-GB');
    return seconds > 0 ? `${when} (in ${window.CoinSource.age(seconds)})` : `${when} (ended)`;
  }

  function resetButton(name) {
    const button = el('button', { type: 'button', 'aria-label': `Reset ${name}` }, 'Reset');
    button.addEventListener('click', () => reset(`/api/source-health/reset/${encodeURIComponent(name)}`, name));
    return button;
  }

  async function reset(path, what) {
    const answer = await api(path, { method: 'POST' });
    document.getElementById('reset-result').textContent = answer.ok
      ? `Reset ${what}: back to HEALTHY.` : `Reset of ${what} refused: ${failure(answer)}`;
    await load();
  }
})();

// Every source with its state, figures, last error and cooldown; resets where the server says this caller may.
'use strict';

(() => {
  const { api, el, ms, percent, stateBadge, since, failure } = window.CoinSource;
  let allowed = false;
  let uptimes = new Map();

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
    // The stored history may be unreachable (a 503) while live health is not: the table is drawn either way.
    const [answer, history] = await Promise.all([api('/api/source-health/status'), api('/api/source-health/uptime')]);
    uptimes = new Map(history.ok ? history.body.map(u => [u.source, u]) : []);
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
      el('td', { className: 'small' }, source.enabled ? uptime(h, uptimes.get(source.name)) : '–'),
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
   * Uptime over the last 24 hours and 7 days from the stored history (up = HEALTHY or DEGRADED, over the part of
   * the window the history covers), with the 95th percentile latency, and how long the source has been in its
   * current state.
   */
  function uptime(h, history) {
    const parts = [];
    if (history) {
      for (const [label, span] of [['24 h', history.uptime24h], ['7 d', history.uptime7d]]) {
        if (span && span.uptimePercent !== null && span.uptimePercent !== undefined) {
          parts.push(`${label} ${span.uptimePercent.toFixed(2)} %`
            + (span.latencyP95Ms !== null ? ` (p95 ${ms(span.latencyP95Ms)})` : ''));
        }
      }
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

// Shared by every page: reading CoinSource's API, formatting, and the status widget.
'use strict';

window.CoinSource = (() => {
  /** GETs (or POSTs) an API path; resolves to {ok, status, body}; network failures become status 0. */
  async function api(path, options) {
    try {
      const response = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
      const type = response.headers.get('content-type') || '';
      const body = type.includes('json') ? await response.json() : null;
      return { ok: response.ok, status: response.status, body };
    } catch (error) {
      return { ok: false, status: 0, body: { detail: 'the CoinSource server could not be reached' } };
    }
  }

  /** The plain-language reason of a failed answer. */
  function failure(answer) {
    if (answer.status === 0) return 'The CoinSource server cannot be reached.';
    if (answer.status === 503) {
      return 'No source could answer and nothing is cached: every upstream for this is unreachable right now.';
    }
    return (answer.body && answer.body.detail) || `The server answered ${answer.status}.`;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function age(seconds) {
    if (seconds === null || seconds === undefined) return '';
    const s = Math.max(0, Math.round(seconds));
    if (s < 90) return `${s} s`;
    if (s < 5400) return `${Math.round(s / 60)} min`;
    if (s < 172800) return `${Math.round(s / 3600)} h`;
    return `${Math.round(s / 86400)} days`;
  }

  function since(timestamp) {
    return timestamp ? age((Date.now() - Date.parse(timestamp)) / 1000) + ' ago' : '';
  }

  function price(value, currency) {
    const digits = value >= 1000 ? 2 : value >= 1 ? 4 : 6;
    return `${Number(value).toLocaleString('en-US', { maximumFractionDigits: digits })} ${currency || ''}`.trim();
  }

  function percent(value, digits = 1) {
    return value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)} %`;
  }

  function ms(value) {
    return value === null || value === undefined ? '–' : `${Number(value).toFixed(value < 10 ? 1 : 0)} ms`;
  }

  /** green / yellow / red / grey for a source status as the health API names it. */
  function colourOf(status) {
    return { HEALTHY: 'green', DEGRADED: 'yellow', OFFLINE: 'red' }[status] || 'grey';
  }

  function routeColour(route) {
    if (route.calls === 0) return 'grey';
    if (route.errorRate >= 0.25) return 'red';
    return route.serverErrors > 0 ? 'yellow' : 'green';
  }

  function stateBadge(status, colour) {
    return el('span', { className: `state ${colour || colourOf(status)}` }, el('span', { className: 'dot' }), status);
  }

  /** The "stale / unavailable" line under a panel, from an answer's meta or its failure. */
  function freshness(target, answer, what) {
    target.className = 'notice';
    if (!answer.ok) {
      target.classList.add('error');
      target.textContent = `${what}: ${failure(answer)}`;
      return;
    }
    const meta = answer.body.meta || {};
    if (meta.stale) {
      target.classList.add('stale');
      target.textContent = `Stale: every source failed; showing the last good data from ${meta.source}, `
        + `${age(meta.ageSeconds)} old.`;
    } else {
      target.textContent = meta.source ? `From ${meta.source}${meta.cached ? ' (cached)' : ''}, `
        + `${age(meta.ageSeconds)} old.` : '';
    }
  }

  // Pages that hold the live stream announce its events here; the widget refreshes on state changes.
  const live = new EventTarget();

  function startWidget() {
    const root = el('aside', { id: 'status-widget', 'aria-label': 'System status' });
    const toggle = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'status-details' },
      el('span', { className: 'state grey', id: 'status-summary' }, el('span', { className: 'dot' }), 'Status'));
    const details = el('div', { className: 'details', id: 'status-details', hidden: true, role: 'region',
      'aria-label': 'Status details' });
    root.append(toggle, details);
    document.body.append(root);

    toggle.addEventListener('click', () => {
      const open = details.hidden;
      details.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) refresh();
    });
    document.addEventListener('keydown', event => {
      if (event.key === 'Escape' && !details.hidden) {
        details.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });

    async function refresh() {
      const [status, health, models, endpoints] = await Promise.all([
        api('/api/status'), api('/api/source-health/status'), api('/api/models'), api('/api/monitor/endpoints')]);
      const summary = document.getElementById('status-summary');
      const overall = status.ok ? status.body.status : 'unreachable';
      const colour = { healthy: 'green', degraded: 'yellow' }[overall] || 'red';
      summary.className = `state ${colour}`;
      summary.dataset.status = overall;
      summary.replaceChildren(el('span', { className: 'dot' }), `Status: ${overall}`);

      const sections = [];
      sections.push(el('h3', {}, 'Services'), el('ul', {},
        item('API server', colour, status.ok ? `${overall}, up ${age(status.body.uptimeSeconds)}` : failure(status),
          { 'data-service': 'server' }),
        item('Activity stream', live.connected ? 'green' : 'grey', live.connected ? 'live' : 'not open on this page',
          { 'data-service': 'stream' })));
      if (health.ok) {
        sections.push(el('h3', {}, 'Sources'), el('ul', {}, health.body.sources.map(s =>
          item(s.name, colourOf(s.status), s.status, { 'data-source': s.name, 'data-status': s.status }))));
      }
      if (models.ok) {
        sections.push(el('h3', {}, 'Models'), el('ul', {}, models.body.map(m => {
          const state = m.enabled ? m.health.state : 'DISABLED';
          return item(m.name, colourOf(state), state, { 'data-model': m.name, 'data-status': state });
        })));
      }
      if (endpoints.ok) {
        sections.push(el('h3', {}, 'Endpoints'), el('ul', {}, endpoints.body.map(r => item(`${r.method} ${r.route}`,
          routeColour(r), `${r.calls} calls, ${percent(r.errorRate)} errors, ${ms(r.averageMs)}`,
          { 'data-route': `${r.method} ${r.route}` }))));
      }
      details.replaceChildren(...sections);
      root.dataset.refreshed = new Date().toISOString();
    }

    function item(name, colour, text, attributes) {
      return el('li', Object.assign({ className: colour, 'data-colour': colour }, attributes),
        el('span', { className: 'state' }, el('span', { className: 'dot' }), name),
        el('span', { className: 'figures' }, text));
    }

    refresh();
    setInterval(refresh, 10000);
    live.addEventListener('activity', event => {
      if (['state', 'config', 'probe'].includes(event.detail.kind)) refresh();
    });
  }

  document.addEventListener('DOMContentLoaded', startWidget);

  return { api, failure, el, age, since, price, percent, ms, colourOf, stateBadge, freshness, live };
})();

// The live system monitor. Every packet is one real event pushed by the server; nothing here moves on a timer.
'use strict';

(() => {
  const { api, el, ms, percent, colourOf, live } = window.CoinSource;
  const SVG = 'http://www.w3.org/2000/svg';
  const POLL_MS = 5000;
  const LOG_LIMIT = 200;
  const LEG_MS = 450;

  const nodes = new Map();
  let svg;
  const seen = new Set();
  let pollTimer = null;

  document.addEventListener('DOMContentLoaded', async () => {
    await drawNetwork();
    const recent = await api('/api/activity/recent?limit=100');
    if (recent.ok) recent.body.forEach(log);
    refreshCounters();
    connect();
  });

  // ----- the picture -----

  async function drawNetwork() {
    const [health, models, status] = await Promise.all([
      api('/api/source-health/status'), api('/api/models'), api('/api/status')]);
    const sources = health.ok ? health.body.sources : [];
    const modelList = models.ok ? models.body : [];
    const perColumn = 14;
    const columns = Math.max(1, Math.ceil(sources.length / perColumn));
    const rows = Math.max(Math.min(sources.length, perColumn), modelList.length + 3, 6);
    const width = 560 + columns * 170;
    const height = rows * 30 + 20;

    svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Network of clients, the API server, the database, ${modelList.length} models `
      + `and ${sources.length} sources`);
    const edges = document.createElementNS(SVG, 'g');
    const layer = document.createElementNS(SVG, 'g');
    svg.append(edges, layer);

    const middle = height / 2;
    addNode(layer, 'client', 'Clients', 20, middle, 'green', 'client');
    addNode(layer, 'server', 'API server', 190, middle, 'grey', 'server');
    addNode(layer, 'database', 'Database', 190, middle + 70, 'grey', 'database');
    modelList.forEach((m, i) => addNode(layer, `source:${m.name}`, m.name, 360, 20 + i * 30, 'grey', 'model'));
    sources.filter(s => !modelList.some(m => m.name === s.name)).forEach((s, i) => addNode(layer,
      `source:${s.name}`, s.name, 560 + Math.floor(i / perColumn) * 170, 10 + (i % perColumn) * 30, 'grey', 'source'));

    for (const [id, node] of nodes) {
      if (id === 'server') continue;
      const from = id === 'client' ? nodes.get('client') : nodes.get('server');
      const to = id === 'client' ? nodes.get('server') : node;
      const line = document.createElementNS(SVG, 'line');
      line.setAttribute('class', 'edge');
      line.setAttribute('x1', from.x + 130);
      line.setAttribute('y1', from.y + 11);
      line.setAttribute('x2', to.x);
      line.setAttribute('y2', to.y + 11);
      edges.append(line);
    }
    document.getElementById('network-picture').replaceChildren(svg);
    paint(health, models, status);
  }

  function addNode(layer, id, label, x, y, colour, type) {
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', `node ${colour}`);
    g.setAttribute('data-node', id);
    g.setAttribute('data-type', type);
    g.setAttribute('transform', `translate(${x},${y})`);
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('width', 130);
    rect.setAttribute('height', 22);
    rect.setAttribute('rx', 5);
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', 8);
    text.setAttribute('y', 15);
    text.textContent = label.length > 17 ? `${label.slice(0, 16)}…` : label;
    const title = document.createElementNS(SVG, 'title');
    title.textContent = label;
    g.append(title, rect, text);
    layer.append(g);
    nodes.set(id, { g, x, y, title, label });
  }

  function setNode(id, colour, state) {
    const node = nodes.get(id);
    if (!node) return;
    node.g.setAttribute('class', `node ${colour}`);
    node.g.setAttribute('data-state', state);
    node.title.textContent = `${node.label}: ${state}`;
  }

  function paint(health, models, status) {
    if (status && status.ok) {
      setNode('server', { healthy: 'green', degraded: 'yellow' }[status.body.status] || 'red', status.body.status);
      const storage = status.body.storage;
      // The store says "ok", or "failing" while its batches cannot be committed.
      setNode('database', storage ? (storage.state === 'ok' ? 'green' : 'red') : 'grey',
        storage ? `${storage.backend}: ${storage.state}` : 'no store');
    } else if (status) {
      setNode('server', 'red', 'unreachable');
    }
    if (health && health.ok) {
      health.body.sources.forEach(s => setNode(`source:${s.name}`, colourOf(s.status), s.status));
    }
    if (models && models.ok) {
      models.body.forEach(m => {
        const state = m.enabled ? m.health.state : 'DISABLED';
        setNode(`source:${m.name}`, colourOf(state), state);
      });
    }
  }

  async function repaint() {
    const [health, models, status] = await Promise.all([
      api('/api/source-health/status'), api('/api/models'), api('/api/status')]);
    paint(health, models, status);
  }

  // ----- packets -----

  function packet(fromId, toId, outcome, message, delay) {
    const from = nodes.get(fromId);
    const to = nodes.get(toId);
    if (!from || !to || !svg) return;
    const fromX = fromId === 'client' || (fromId === 'server' && toId !== 'client') ? from.x + 130 : from.x;
    const toX = toId === 'server' && fromId === 'client' ? to.x : toId === 'client' ? to.x + 130 : to.x;
    const shape = document.createElementNS(SVG, outcome === 'failure' ? 'rect' : 'circle');
    if (outcome === 'failure') {
      shape.setAttribute('width', 10);
      shape.setAttribute('height', 10);
      shape.setAttribute('x', -5);
      shape.setAttribute('y', -5);
    } else {
      shape.setAttribute('r', 5);
    }
    shape.setAttribute('class', `packet ${outcome}`);
    shape.setAttribute('data-from', fromId);
    shape.setAttribute('data-to', toId);
    shape.setAttribute('data-message', message);
    shape.setAttribute('transform', `translate(${fromX},${from.y + 11})`);
    svg.append(shape);
    const animation = shape.animate([
      { transform: `translate(${fromX}px, ${from.y + 11}px)` },
      { transform: `translate(${toX}px, ${to.y + 11}px)` },
    ], { duration: LEG_MS, delay, fill: 'both', easing: 'ease-in-out' });
    animation.finished.then(() => shape.remove(), () => shape.remove());
    svg.dataset.packets = String(Number(svg.dataset.packets || 0) + 1);
  }

  function animate(event) {
    const source = event.source ? `source:${event.source}` : null;
    switch (event.kind) {
      case 'request':
        packet('client', 'server', event.outcome, event.message, 0);
        packet('server', 'client', event.outcome, event.message, LEG_MS);
        break;
      case 'served':
        packet('server', source, 'success', event.message, 0);
        packet(source, 'server', 'success', event.message, LEG_MS);
        break;
      case 'attempt':
      case 'probe':
        packet('server', source, event.outcome === 'success' ? 'success' : 'failure', event.message, 0);
        packet(source, 'server', event.outcome === 'success' ? 'success' : 'failure', event.message, LEG_MS);
        break;
      default:
        break;
    }
  }

  // ----- the log -----

  const KIND_LABELS = {
    attempt: 'failed attempt', skip: 'skipped', served: 'served', stale: 'stale served', unavailable: 'unavailable',
    state: 'state change', probe: 'probe', config: 'config reload',
  };

  function log(event) {
    // Ids are unique but may arrive slightly out of order, from the stream and from polling alike.
    if (event.kind === 'request' || seen.has(event.id)) return;
    seen.add(event.id);
    if (seen.size > 2 * LOG_LIMIT) seen.delete(seen.values().next().value);
    const list = document.getElementById('activity-log');
    const at = new Date(event.at);
    const item = el('li', { 'data-kind': event.kind, className: event.kind },
      el('time', { datetime: event.at }, at.toLocaleTimeString('en-GB')),
      el('span', { className: 'kind' }, KIND_LABELS[event.kind] || event.kind),
      event.message, event.ms !== null && event.ms !== undefined ? ` (${ms(event.ms)})` : '');
    list.prepend(item);
    while (list.children.length > LOG_LIMIT) list.lastElementChild.remove();
  }

  // ----- live connection, with polling when it is down -----

  function connect() {
    const banner = document.getElementById('connection');
    const stream = new EventSource('/api/activity/stream');
    const show = (connected, mode, text) => {
      live.connected = connected;
      banner.className = connected ? 'banner' : 'banner warn';
      banner.dataset.mode = mode;
      banner.textContent = text;
    };
    stream.onopen = () => {
      show(true, 'live', 'Live: events are pushed by the server as they happen.');
      stopPolling();
    };
    stream.onmessage = message => {
      const event = JSON.parse(message.data);
      log(event);
      animate(event);
      live.dispatchEvent(new CustomEvent('activity', { detail: event }));
      if (['state', 'probe', 'config'].includes(event.kind)) repaint();
    };
    stream.onerror = () => {
      show(false, 'polling', 'The live connection is down: polling every 5 s until it is back.');
      startPolling();
    };
  }

  function startPolling() {
    if (pollTimer !== null) return;
    pollTimer = setInterval(async () => {
      const recent = await api('/api/activity/recent?limit=100');
      if (recent.ok) recent.body.forEach(log);
      repaint();
    }, POLL_MS);
  }

  function stopPolling() {
    if (pollTimer === null) return;
    clearInterval(pollTimer);
    pollTimer = null;
  }

  // ----- counters: the server's own measurements -----

  async function refreshCounters() {
    const summary = await api('/api/monitor/summary');
    const banner = document.getElementById('health-banner');
    if (summary.ok) {
      const s = summary.body;
      text('c-rpm', s.requestsPerMinute);
      text('c-latency', ms(s.averageLatencyMs));
      text('c-cache', percent(s.cacheHitRate));
      text('c-healthy', s.sources.healthy);
      text('c-degraded', s.sources.degraded);
      text('c-offline', s.sources.offline);
      text('c-models', `${s.models.active} / ${s.models.total}`);
      banner.hidden = s.status !== 'unhealthy';
      banner.textContent = 'Upstreams are unreachable: some capability has no source left that is not OFFLINE; '
        + 'requests are answered from stale data where there is some.';
    }
    setTimeout(refreshCounters, POLL_MS);
  }

  function text(id, value) {
    document.getElementById(id).textContent = String(value);
  }
})();

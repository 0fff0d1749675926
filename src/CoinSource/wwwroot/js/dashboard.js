// The dashboard: market overview with sparklines, candles with indicators, fear & greed, news with sentiment.
'use strict';

(() => {
  const { api, el, freshness, price, failure } = window.CoinSource;
  const OVERVIEW_COINS = 8;
  const INDICATOR_COLOURS = { sma: '#7dd3fc', ema: '#f0abfc', bollinger: '#fcd34d', rsi: '#c4b5fd' };

  document.addEventListener('DOMContentLoaded', () => {
    loadHealth();
    loadOverview();
    loadFearGreed();
    loadNews();
    const chart = createChart();
    document.getElementById('chart-controls').addEventListener('submit', event => {
      event.preventDefault();
      chart.load();
    });
    chart.load();
  });

  async function loadHealth() {
    const banner = document.getElementById('health-banner');
    const status = await api('/api/status');
    if (status.ok && status.body.status !== 'unhealthy') return;
    banner.textContent = status.ok
      ? 'Upstreams are unreachable: some data has no working source right now. Panels below show the last good '
        + 'data with its age where there is some.'
      : failure(status);
    banner.hidden = false;
  }

  async function loadOverview() {
    const rows = document.getElementById('overview-rows');
    const answer = await api(`/api/coins/top?limit=${OVERVIEW_COINS}`);
    freshness(document.getElementById('overview-notice'), answer, 'Market overview');
    if (!answer.ok) return;
    rows.replaceChildren(...answer.body.data.map(coin => {
      const change = coin.change24hPercent;
      const spark = el('td', { 'data-sparkline': coin.symbol }, el('span', { className: 'muted small' }, '…'));
      loadSparkline(coin.symbol, coin.quoteCurrency, spark);
      return el('tr', { 'data-symbol': coin.symbol },
        el('td', {}, coin.rank),
        el('td', {}, el('strong', {}, coin.symbol), ' ', el('span', { className: 'muted small' }, coin.name)),
        el('td', { className: 'num' }, price(coin.price, coin.quoteCurrency)),
        el('td', { className: `num ${change > 0 ? 'up' : change < 0 ? 'down' : ''}` },
          change === null || change === undefined ? '–' : `${change > 0 ? '+' : ''}${Number(change).toFixed(2)} %`),
        spark);
    }));
  }

  async function loadSparkline(symbol, quote, cell) {
    const answer = await api(`/api/candles/${encodeURIComponent(symbol)}?interval=1h&limit=24&quote=${quote}`);
    if (!answer.ok || answer.body.data.length < 2) {
      cell.replaceChildren(el('span', { className: 'muted small' }, answer.status === 404 ? 'no candles' : 'n/a'));
      return;
    }
    const closes = answer.body.data.map(c => c.close);
    const low = Math.min(...closes);
    const span = Math.max(...closes) - low || 1;
    const points = closes.map((c, i) => `${(i / (closes.length - 1) * 96).toFixed(1)},${(26 - (c - low) / span * 24).toFixed(1)}`);
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 96 28');
    svg.setAttribute('class', `sparkline ${closes.at(-1) >= closes[0] ? 'rising' : 'falling'}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${symbol} over the last ${closes.length} hours`);
    const line = document.createElementNS(svgNs, 'polyline');
    line.setAttribute('points', points.join(' '));
    svg.append(line);
    cell.replaceChildren(svg);
  }

  async function loadFearGreed() {
    const body = document.getElementById('fear-greed-body');
    const answer = await api('/api/sentiment/fear-greed?days=7');
    freshness(document.getElementById('fear-greed-notice'), answer, 'Fear & greed');
    if (!answer.ok) return;
    const { current, history } = answer.body.data;
    const needle = el('span', { className: 'needle' });
    needle.style.left = `calc(${current.value}% - 2px)`;
    body.replaceChildren(
      el('div', { className: 'gauge' }, el('span', { className: 'value', 'data-value': current.value }, current.value),
        el('span', {}, current.classification)),
      el('div', { className: 'meter', role: 'img', 'aria-label': `${current.value} of 100` }, needle),
      el('p', { className: 'small muted' }, 'Last days: ',
        history.slice(0, 7).map(h => `${h.value} (${h.classification})`).join(', ')));
  }

  async function loadNews() {
    const list = document.getElementById('news-list');
    const answer = await api('/api/news?limit=10');
    freshness(document.getElementById('news-notice'), answer, 'News');
    if (!answer.ok) return;
    if (answer.body.data.length === 0) {
      list.replaceChildren(el('li', { className: 'muted' }, 'No stories from the feeds right now.'));
      return;
    }
    list.replaceChildren(...answer.body.data.map(story => el('li', {},
      el('a', { href: story.link, rel: 'noopener noreferrer' }, story.title), ' ',
      el('span', { className: `tag ${story.sentiment.label}` },
        `${story.sentiment.label} ${story.sentiment.score.toFixed(2)}`),
      el('div', { className: 'small muted' }, `${story.publisher}, ${window.CoinSource.since(story.published)}`))));
  }

  function createChart() {
    const container = document.getElementById('chart');
    const charts = window.LightweightCharts;
    const chart = charts.createChart(container, {
      autoSize: true,
      layout: { background: { color: '#1e293b' }, textColor: '#e2e8f0' },
      grid: { vertLines: { color: '#334155' }, horzLines: { color: '#334155' } },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    const candles = chart.addSeries(charts.CandlestickSeries, {
      upColor: '#4ade80', downColor: '#f87171', borderVisible: false, wickUpColor: '#4ade80', wickDownColor: '#f87171',
    });
    const volume = chart.addSeries(charts.HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' } });
    chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    let overlays = [];

    async function load() {
      const symbol = document.getElementById('chart-symbol').value.trim() || 'BTC';
      const interval = document.getElementById('chart-interval').value;
      const notice = document.getElementById('chart-notice');
      const path = `/api/candles/${encodeURIComponent(symbol)}?interval=${interval}&limit=200`;
      const answer = await api(path);
      freshness(notice, answer, 'Candles');
      overlays.forEach(series => chart.removeSeries(series));
      overlays = [];
      if (!answer.ok) {
        candles.setData([]);
        volume.setData([]);
        describe(container, path, []);
        return;
      }

      const data = answer.body.data;
      candles.setData(data.map(c => ({ time: seconds(c.openTime), open: c.open, high: c.high, low: c.low, close: c.close })));
      volume.setData(data.map(c => ({
        time: seconds(c.openTime), value: c.volume, color: c.close >= c.open ? '#4ade8066' : '#f8717166',
      })));
      chart.timeScale().fitContent();
      describe(container, path, data);

      const chosen = [...document.querySelectorAll('#chart-indicators input:checked')].map(i => i.value);
      for (const indicator of chosen) {
        overlays.push(...await drawIndicator(indicator, symbol, interval));
      }
    }

    async function drawIndicator(indicator, symbol, interval) {
      const answer = await api(`/api/indicators/${encodeURIComponent(symbol)}/${indicator}?interval=${interval}&limit=200`);
      if (!answer.ok) return [];
      const values = answer.body.data.values;
      const colour = INDICATOR_COLOURS[indicator];
      const line = (field, pane, options) => {
        const series = chart.addSeries(charts.LineSeries, Object.assign({
          color: colour, lineWidth: 1.5, priceLineVisible: false, lastValueVisible: false,
        }, options), pane);
        series.setData(values.filter(v => v[field] !== null).map(v => ({ time: seconds(v.time), value: v[field] })));
        return series;
      };
      if (indicator === 'bollinger') return ['upper', 'middle', 'lower'].map(f => line(f, 0));
      if (indicator === 'rsi') return [line('rsi', 1)];
      return [line(indicator, 0)];
    }

    return { load };
  }

  function seconds(iso) {
    return Math.floor(Date.parse(iso) / 1000);
  }

  /** What the chart drew, for people using assistive technology and for tests. */
  function describe(container, path, data) {
    container.dataset.source = path;
    container.dataset.candles = String(data.length);
    container.dataset.first = data.length ? String(seconds(data[0].openTime)) : '';
    container.dataset.last = data.length ? String(seconds(data.at(-1).openTime)) : '';
    document.getElementById('chart-caption').textContent = data.length
      ? `${data.length} candles with volume, ${data[0].openTime} to ${data.at(-1).openTime}.`
      : 'No candles to draw.';
  }
})();

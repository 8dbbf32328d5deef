// The dashboards page: draws the dashboards of dashboards.json, every chart from one named query of
// druid/queries/ run by the server (api/queries/<name>), with the dashboard's filters.
//
// Each chart element says how it stands, for people and for the browser test:
// data-state = loading | drawn | empty | error, data-rows = rows drawn, data-total = the sum of the
// first value drawn (the value of a number, the rows of a table), data-truncated = whether the
// server cut the answer at its row cap (the chart's note then says so).
(function () {
  'use strict';

  const grid = document.getElementById('grid');
  const filtersBar = document.getElementById('filters');
  const tabs = document.getElementById('tabs');
  const status = document.getElementById('status');

  let spec = null;
  let dashboard = null;
  let values = {};
  let timer = null;
  let generation = 0;
  const instances = new Map();

  // --- parameters and tokens ------------------------------------------------------------------

  const HOUR = 3600 * 1000;

  function durationMillis(iso) {
    const m = /^P(?:(\d+)D)?(?:T(\d+)H)?$/.exec(iso);
    if (!m) throw new Error('unknown duration ' + iso);
    return ((+m[1] || 0) * 24 + (+m[2] || 0)) * HOUR;
  }

  function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** The values the charts' parameters name with $…, from the filters as they are now. */
  function tokens() {
    const now = new Date();
    const out = {
      $now: isoSeconds(now),
      $time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    };
    for (const f of dashboard.filters) {
      if (f.kind === 'range') {
        if (values.range === 'custom') {
          out.$range_from = values.from;
          out.$range_to = values.to;
        } else {
          const end = new Date(Math.ceil(now.getTime() / HOUR) * HOUR);
          out.$range_to = isoSeconds(end);
          out.$range_from = isoSeconds(new Date(end.getTime() - durationMillis(values.range)));
        }
      } else if (f.kind === 'window') {
        out.$window_hours = String(values.window);
        out.$window_from = isoSeconds(new Date(now.getTime() - values.window * HOUR));
      } else {
        out['$' + f.id] = values[f.id];
      }
    }
    return out;
  }

  /** A parameter whose filter has nothing to choose from (no light sensor in the range, say). */
  class NothingChosen extends Error {}

  function bind(params, known) {
    const bound = {};
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string' && value.startsWith('$')) {
        if (known[value] === undefined || known[value] === null || known[value] === '') {
          throw new NothingChosen('Nothing to choose for ' + labelOf(value.slice(1)).toLowerCase() + ' with these filters');
        }
        bound[name] = known[value];
      } else {
        bound[name] = String(value);
      }
    }
    return bound;
  }

  /** Runs each distinct named query once per refresh. */
  function queryRunner() {
    const calls = new Map();
    return function run(name, params) {
      const search = new URLSearchParams(params).toString();
      const key = name + '?' + search;
      if (!calls.has(key)) {
        calls.set(key, fetch('api/queries/' + encodeURIComponent(name) + (search ? '?' + search : ''))
          .then(async (response) => {
            const body = await response.json().catch(() => ({ error: response.statusText }));
            if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
            // The server cut the answer at its row cap: the charts drawing it say so.
            if (body.truncated) body.rows.truncated = true;
            return body.rows;
          }));
      }
      return calls.get(key);
    };
  }

  // --- the URL: which dashboard and its filters -----------------------------------------------

  function readHash() {
    return new URLSearchParams(location.hash.slice(1));
  }

  function writeHash() {
    const p = new URLSearchParams({ dashboard: dashboard.id });
    for (const [k, v] of Object.entries(values)) {
      if (v !== null && v !== undefined && v !== '') p.set(k, v);
    }
    history.replaceState(null, '', '#' + p.toString());
  }

  // --- filters ----------------------------------------------------------------------------------

  function initialValues(hash) {
    const v = {};
    for (const f of dashboard.filters) {
      if (f.kind === 'range') {
        if (hash.get('from') && hash.get('to')) {
          v.range = 'custom';
          v.from = hash.get('from');
          v.to = hash.get('to');
        } else {
          v.range = f.presets.includes(hash.get('range')) ? hash.get('range') : f.default;
        }
      } else if (f.kind === 'window') {
        const h = Number(hash.get('window'));
        v.window = f.choices.includes(h) ? h : f.default;
      } else if (f.kind === 'choice') {
        v[f.id] = f.choices[hash.get(f.id)] ? hash.get(f.id) : f.default;
      } else {
        v[f.id] = hash.get(f.id) || '';
      }
    }
    return v;
  }

  function label(f, text) {
    const l = document.createElement('label');
    l.textContent = text || f.label;
    return l;
  }

  function select(id, options, current, onChange) {
    const s = document.createElement('select');
    s.id = 'filter-' + id;
    for (const [value, text] of options) {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = text;
      s.appendChild(o);
    }
    s.value = current;
    s.addEventListener('change', () => onChange(s.value));
    return s;
  }

  function changed(update) {
    Object.assign(values, update);
    writeHash();
    buildFilters();
    refresh();
  }

  function buildFilters() {
    filtersBar.replaceChildren();
    for (const f of dashboard.filters) {
      const l = label(f);
      if (f.kind === 'range') {
        const presets = f.presets.map((p) => [p, 'Last ' + describe(p)]).concat([['custom', 'From … to … (UTC)']]);
        l.appendChild(select(f.id, presets, values.range, (v) => {
          if (v === 'custom') {
            const t = tokens();
            changed({ range: v, from: t.$range_from, to: t.$range_to });
          } else {
            changed({ range: v, from: '', to: '' });
          }
        }));
        filtersBar.appendChild(l);
        if (values.range === 'custom') {
          for (const end of ['from', 'to']) {
            const el = label(f, end === 'from' ? 'From (UTC)' : 'To (UTC)');
            const input = document.createElement('input');
            input.type = 'datetime-local';
            input.id = 'filter-' + end;
            input.value = (values[end] || '').replace(/:\d\dZ$/, '').replace(/Z$/, '');
            input.addEventListener('change', () => {
              if (input.value) changed({ [end]: input.value.length === 16 ? input.value + ':00Z' : input.value + 'Z' });
            });
            el.appendChild(input);
            filtersBar.appendChild(el);
          }
        }
      } else if (f.kind === 'window') {
        l.appendChild(select(f.id, f.choices.map((h) => [String(h), h === 1 ? 'hour' : h + ' hours']),
          String(values.window), (v) => changed({ window: Number(v) })));
        filtersBar.appendChild(l);
      } else if (f.kind === 'choice') {
        l.appendChild(select(f.id, Object.entries(f.choices), values[f.id], (v) => {
          const reset = {};
          dashboard.filters.filter((g) => g.by === f.id).forEach((g) => { reset[g.id] = ''; });
          changed(Object.assign({ [f.id]: v }, reset));
        }));
        filtersBar.appendChild(l);
      } else {
        const pick = (v) => {
          const reset = {};
          dashboard.filters.filter((g) => (g.narrowedBy || []).includes(f.id)).forEach((g) => { reset[g.id] = ''; });
          changed(Object.assign({ [f.id]: v }, reset));
        };
        l.appendChild(select(f.id, [], '', pick));
        // Shown when the list of choices was cut at the server's row cap: any other one typed.
        const typed = document.createElement('input');
        typed.type = 'search';
        typed.id = 'filter-' + f.id + '-typed';
        typed.placeholder = 'or type one';
        typed.hidden = true;
        typed.addEventListener('change', () => {
          if (typed.value.trim()) pick(typed.value.trim());
        });
        l.appendChild(typed);
        filtersBar.appendChild(l);
      }
    }
  }

  function describe(iso) {
    const hours = durationMillis(iso) / HOUR;
    return hours % 24 === 0 ? (hours / 24) + ' days' : hours + ' hours';
  }

  /** The options of the filters whose choices are rows of a named query, and their values. */
  async function loadRowFilters(run) {
    for (const f of dashboard.filters.filter((g) => g.kind === 'rows')) {
      const source = f.by ? f.sources[values[f.by]] : f.source;
      let rows = await run(source.query, bind(source.params, tokens()));
      const cut = rows.truncated === true ? rows.length : 0;
      for (const other of f.narrowedBy || []) {
        if (values[other]) rows = rows.filter((r) => String(r[other]) === values[other]);
      }
      const options = [];
      const seen = new Set();
      if (f.all) options.push(['', f.all]);
      for (const r of rows) {
        const v = r[source.value];
        if (v === null || v === undefined || seen.has(String(v))) continue;
        seen.add(String(v));
        options.push([String(v), source.label.map((c) => r[c]).filter((x) => x !== null && x !== undefined).join(' · ')]);
      }
      if (!options.some(([v]) => v === values[f.id])) {
        if (cut && values[f.id]) {
          // Not among the first rows of a cut list (a link, a typed one): kept, not replaced.
          options.push([values[f.id], values[f.id]]);
        } else {
          values[f.id] = options.length ? options[0][0] : '';
        }
      }
      const s = document.getElementById('filter-' + f.id);
      const fresh = select(f.id, options, values[f.id], () => {});
      s.replaceChildren(...fresh.childNodes);
      s.value = values[f.id];
      s.dataset.truncated = String(cut > 0);
      s.title = cut ? 'Only the first ' + cut.toLocaleString('en') + (cut === 1 ? ' choice' : ' choices') +
        ': type another in the box beside' : '';
      document.getElementById('filter-' + f.id + '-typed').hidden = !cut;
    }
    writeHash();
  }

  /** The filters that narrow a chart's rows: [column, value] for each one set. */
  function rowFilters() {
    return dashboard.filters
      .filter((f) => f.rowFilter && values[f.id])
      .map((f) => [f.by ? values[f.by] : f.id, values[f.id], f]);
  }

  // --- charts -----------------------------------------------------------------------------------

  function buildGrid() {
    instances.forEach((chart) => chart.dispose());
    instances.clear();
    grid.replaceChildren();
    for (const c of dashboard.charts) {
      const el = document.createElement('section');
      el.className = 'chart';
      el.id = 'chart-' + c.id;
      el.dataset.kind = c.kind;
      el.dataset.query = c.query;
      el.dataset.state = 'loading';
      el.style.gridColumn = 'span ' + (c.width || 6);
      el.innerHTML = '<h2></h2><div class="note"></div><div class="body"></div>';
      el.querySelector('h2').textContent = c.title;
      grid.appendChild(el);
    }
  }

  function labelOf(column) {
    return (spec.labels && spec.labels[column]) || column;
  }

  function show(el, state, message) {
    const body = el.querySelector('.body');
    const chart = instances.get(el.id);
    if (chart) {
      chart.dispose();
      instances.delete(el.id);
    }
    body.replaceChildren();
    const m = document.createElement('div');
    m.className = 'message';
    m.textContent = message;
    body.appendChild(m);
    el.dataset.rows = '0';
    el.dataset.total = '0';
    el.dataset.state = state;
  }

  function number(v) {
    return typeof v === 'number' ? v : (v === null || v === undefined || v === '' ? null : Number(v));
  }

  function format(v, column) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      return v.toLocaleString('en', { maximumFractionDigits: Math.abs(v) < 10 ? 2 : 0 });
    }
    if (/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v)) return v.slice(0, 16).replace('T', ' ');
    return String(v);
  }

  function drawNumber(el, c, rows) {
    const value = c.count ? rows.length : rows.reduce((s, r) => s + (number(r[c.value]) || 0), 0);
    const body = el.querySelector('.body');
    const n = document.createElement('div');
    n.className = 'number';
    n.textContent = format(value);
    const unit = document.createElement('small');
    unit.textContent = c.unit || '';
    n.appendChild(unit);
    body.replaceChildren(n);
    el.dataset.rows = String(rows.length);
    el.dataset.total = String(value);
    el.dataset.state = 'drawn';
  }

  function drawTable(el, c, rows) {
    if (c.sortDesc) rows = rows.slice().sort((a, b) => (number(b[c.sortDesc]) || 0) - (number(a[c.sortDesc]) || 0));
    const shown = rows.slice(0, c.limit || 20);
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const col of c.columns) {
      const th = document.createElement('th');
      th.textContent = labelOf(col);
      head.appendChild(th);
    }
    const tbody = table.createTBody();
    for (const r of shown) {
      const tr = tbody.insertRow();
      for (const col of c.columns) {
        const td = tr.insertCell();
        td.textContent = format(r[col], col);
        if (typeof r[col] === 'number') td.className = 'num';
      }
    }
    el.querySelector('.body').replaceChildren(table);
    el.dataset.rows = String(shown.length);
    el.dataset.total = String(shown.length);
    el.dataset.state = 'drawn';
  }

  /** The series of a line or bar chart: one per y column, or one per value of c.series. */
  function seriesOf(c, rows) {
    const point = (r, y) => [c.time || c.kind === 'line' ? r[c.x] : String(r[c.x]), number(r[y])];
    if (!c.series) {
      return c.y.map((y) => ({ name: labelOf(y), data: rows.map((r) => point(r, y)) }));
    }
    const groups = new Map();
    for (const r of rows) {
      const key = String(r[c.series]);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(r);
    }
    let keys = Array.from(groups.keys());
    if (c.maxSeries) {
      const peak = (k) => Math.max(...groups.get(k).map((r) => number(r[c.y[0]]) || 0));
      keys = keys.sort((a, b) => peak(b) - peak(a)).slice(0, c.maxSeries);
    }
    return keys.sort().map((k) => ({ name: k, data: groups.get(k).map((r) => point(r, c.y[0])) }));
  }

  function drawChart(el, c, rows) {
    if (!c.time && c.kind === 'bar') rows = rows.slice(0, c.limit || 20);
    const series = seriesOf(c, rows).map((s) => Object.assign(s, {
      type: c.kind,
      // A sparse series shows its points: a single reading would otherwise draw nothing.
      showSymbol: s.data.length < 50,
      connectNulls: false,
      emphasis: { focus: 'series' },
    }));
    const timeAxis = c.time || c.kind === 'line';
    const body = el.querySelector('.body');
    let chart = instances.get(el.id);
    if (!chart) {
      body.replaceChildren();
      chart = echarts.init(body, null, { renderer: 'canvas' });
      instances.set(el.id, chart);
    }
    chart.setOption({
      animation: false,
      color: ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'],
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: 48, bottom: 4, containLabel: true },
      xAxis: timeAxis ? { type: 'time' } : { type: 'category', data: rows.map((r) => String(r[c.x])), axisLabel: { rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', name: c.series || c.y.length === 1 ? labelOf(c.y[0]) : '', nameTextStyle: { align: 'left' } },
      series: timeAxis ? series : series.map((s) => Object.assign(s, { data: s.data.map((p) => p[1]) })),
    }, true);
    const first = series.length ? series[0].data : [];
    const total = first.reduce((s, p) => s + ((Array.isArray(p) ? p[1] : p) || 0), 0);
    el.dataset.rows = String(rows.length);
    el.dataset.total = String(total);
    el.dataset.series = String(series.length);
    el.dataset.state = 'drawn';
  }

  async function drawOne(run, known, c, mine) {
    const el = document.getElementById('chart-' + c.id);
    const note = el.querySelector('.note');
    note.textContent = '';
    el.dataset.truncated = 'false';
    try {
      let rows = await run(c.query, bind(c.params, known));
      if (mine !== generation) return;
      const cut = rows.truncated === true ? rows.length : 0;
      if (c.filterRows) {
        const unfiltered = [];
        for (const [column, value, f] of rowFilters()) {
          if (rows.length && !(column in rows[0])) {
            unfiltered.push(labelOf(column).toLowerCase());
            continue;
          }
          rows = rows.filter((r) => String(r[column]) === value);
        }
        if (unfiltered.length) note.textContent = 'Whole fleet: its rows have no ' + unfiltered.join(', ');
      }
      if (!rows.length && !(c.kind === 'number' && c.count)) {
        show(el, 'empty', 'No data for these filters');
      } else if (c.kind === 'number') {
        drawNumber(el, c, rows);
      } else if (c.kind === 'table') {
        drawTable(el, c, rows);
      } else {
        drawChart(el, c, rows);
      }
      if (cut) {
        el.dataset.truncated = 'true';
        const said = 'Only the first ' + cut.toLocaleString('en') + (cut === 1 ? ' row' : ' rows') +
          ' of the answer: narrow the filters for the rest';
        note.textContent = note.textContent ? note.textContent + ' · ' + said : said;
      }
    } catch (e) {
      if (mine !== generation) return;
      if (e instanceof NothingChosen) show(el, 'empty', e.message);
      else show(el, 'error', 'Error: ' + e.message);
    }
  }

  async function refresh() {
    const mine = ++generation;
    const run = queryRunner();
    try {
      await loadRowFilters(run);
    } catch (e) {
      status.textContent = 'Filters could not be loaded: ' + e.message;
    }
    if (mine !== generation) return;
    let known;
    try {
      known = tokens();
    } catch (e) {
      status.textContent = e.message;
      return;
    }
    await Promise.all(dashboard.charts.map((c) => drawOne(run, known, c, mine)));
    if (mine !== generation) return;
    grid.dataset.refreshes = String((Number(grid.dataset.refreshes) || 0) + 1);
    status.textContent = 'Updated ' + new Date().toISOString().slice(11, 19) + ' UTC' +
      (dashboard.refreshSeconds ? ' · refreshes itself every ' + dashboard.refreshSeconds + ' s' : '') +
      ' · every chart is a named query of druid/queries/';
  }

  // --- dashboards -------------------------------------------------------------------------------

  function open() {
    const hash = readHash();
    const next = spec.dashboards.find((d) => d.id === hash.get('dashboard')) || spec.dashboards[0];
    if (timer) clearInterval(timer);
    timer = null;
    dashboard = next;
    document.title = dashboard.title + ' · Control Autogeneración';
    values = initialValues(hash);
    tabs.querySelectorAll('a').forEach((a) => a.classList.toggle('current', a.dataset.id === dashboard.id));
    grid.dataset.dashboard = dashboard.id;
    grid.dataset.refreshes = '0';
    buildFilters();
    buildGrid();
    writeHash();
    refresh();
    if (dashboard.refreshSeconds > 0) timer = setInterval(refresh, dashboard.refreshSeconds * 1000);
  }

  async function main() {
    const response = await fetch('dashboards.json');
    spec = await response.json();
    for (const d of spec.dashboards) {
      const a = document.createElement('a');
      a.href = '#dashboard=' + d.id;
      a.textContent = d.title;
      a.dataset.id = d.id;
      tabs.appendChild(a);
    }
    window.addEventListener('hashchange', open);
    window.addEventListener('resize', () => instances.forEach((chart) => chart.resize()));
    open();
  }

  main().catch((e) => { status.textContent = 'The dashboards could not be loaded: ' + e.message; });
})();

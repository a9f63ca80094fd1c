// What every page the bench measures shares: a fresh browser context (empty cache and storage,
// service workers blocked so that the figures are those of a first visit), optional mobile
// throttling through the DevTools protocol, a count of bytes on the wire, and probes that run in
// the page before any of its own scripts.
import { VIEWPORTS } from '../tests/e2e/harness.mjs';

/** Lighthouse's mobile preset ("slow 4G" on a mid-range phone): 150 ms round trip, 1.6 Mbps
 *  down, 750 kbps up, CPU 4× slower, on a 360×740 screen. DevTools applies the latency once per
 *  request (Lighthouse's own DevTools mode stretches it to 562.5 ms to stand for the round trips
 *  of a real connection; the issue asks for 150 ms, which is kinder to pages of many files). */
export const CONDITIONS = {
  unthrottled: { viewport: VIEWPORTS[1] },
  mobile: { viewport: VIEWPORTS[0], latencyMs: 150, downKbps: 1.6 * 1024, upKbps: 750, cpuSlowdown: 4 },
};

/**
 * Runs in the page at document start (an init script; it must not close over anything).
 * `targets` maps a path to the field whose readiness is timed there: `{ selector, app }`, where
 * `app` means the app must also have mounted (`<html data-app="ready">`): before that, text typed
 * into a field of a static shell would not be kept.
 */
function probes(targets) {
  const bench = { readyAt: null, sets: [], events: [] };
  Object.defineProperty(window, '__bench', { value: bench });

  // Time until the answer field can be typed into, checked once per frame from navigation start.
  const target = targets[location.pathname];
  if (target) {
    const check = () => {
      const el = document.querySelector(target.selector);
      const ready =
        el && el.checkVisibility() && !el.disabled && !el.readOnly && (!target.app || document.documentElement.dataset.app === 'ready');
      if (ready) bench.readyAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }

  // WebAssembly memory: the bench keeps the instances' memories here (never the app on window:
  // its memory holds decrypted answers) and reads only their sizes. The DevTools way
  // (Runtime.queryObjects on WebAssembly.Memory.prototype) crashes the renderer of Chromium 156
  // on this app's pages, whatever the prototype.
  const memories = new Set();
  const note = (instance) => {
    for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.add(value);
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      note(result.instance ?? result); // instantiate(module) gives the instance itself
      return result;
    };
  }
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      note(instance);
      return instance;
    },
  });
  bench.wasmBytes = () => [...memories].reduce((sum, m) => sum + m.buffer.byteLength, 0);

  // Every localStorage write, with its time (cost of growth: which keys one save rewrites).
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === window.localStorage) bench.sets.push({ key, t: performance.now() });
    return setItem.call(this, key, value);
  };

  // Tasks of 50 ms or more on the main thread (the Long Tasks API), for the first visit's long task.
  bench.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });

  // How long interactions take to paint (the Event Timing API, as for INP; only events of 16 ms
  // or more are reported by browsers).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.events.push({ name: e.name, start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

/**
 * A page in a fresh context under `condition`, with the probes installed and the bytes of every
 * finished response counted as on the wire (compressed, headers included).
 */
export async function openPage(browser, condition, targets = {}) {
  const context = await browser.newContext({ viewport: condition.viewport, serviceWorkers: 'block' });
  await context.addInitScript(probes, targets);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const net = { bytes: 0, requests: 0 };
  cdp.on('Network.loadingFinished', (e) => {
    net.bytes += e.encodedDataLength;
    net.requests += 1;
  });
  await cdp.send('Network.enable');
  if (condition.cpuSlowdown) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: condition.latencyMs,
      downloadThroughput: (condition.downKbps * 1024) / 8, // bytes per second
      uploadThroughput: (condition.upKbps * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpuSlowdown });
  }
  return { context, page, cdp, net };
}

/** Milliseconds from navigation start until the target field of `path` could be typed into. */
export async function readyTime(page, timeout) {
  const handle = await page.waitForFunction(() => window.__bench.readyAt, null, { timeout });
  return handle.jsonValue();
}

/** JS heap in use after a full garbage collection (so runs compare), plus wasm linear memory. */
export async function memoryAfterLoad(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.wasmBytes());
  return { jsHeap: usedSize, wasm, memory: usedSize + wasm };
}

/**
 * The demo, natively: `node demo/run-demo.ts` (scripts/demo.sh runs it after setup). Starts the
 * monitoring stack, the two instrumented services with their sidecars and steady traffic, prints
 * where to look and a status line every 30 seconds, and stops everything on Ctrl-C.
 */
import { type DemoStack, startDemoStack } from './demo-stack.ts';

const rps = Number(process.env.LOADGEN_RPS ?? '20');
const log = (line: string) => process.stdout.write(`[demo] ${line}\n`);

async function status(stack: DemoStack): Promise<void> {
  const rates = await stack.prometheus
    .query('sum by (job, http_route) (rate(http_server_request_duration_seconds_count[1m]))')
    .catch(() => undefined);
  const top = (rates?.samples ?? [])
    .sort((a, b) => b.value - a.value)
    .slice(0, 4)
    .map((s) => `${s.labels.job} ${s.labels.http_route} ${s.value.toFixed(1)}/s`);
  const firing = [
    ...new Set(
      stack.alerts.alerts.all.filter((a) => a.status === 'firing').map((a) => a.labels.alertname),
    ),
  ];
  log(
    `spans at Tempo stand-in: ${stack.tempo.spans.size}, log records at Loki stand-in: ${stack.loki.logs.size}; ` +
      `top routes: ${top.join(', ') || '(waiting for the first remote write)'}; alerts notified: ${firing.join(', ') || 'none'}`,
  );
}

function printWhereToLook(stack: DemoStack): void {
  const { orders, inventory } = stack.services;
  log('');
  log('Lookout demo is running. Where to look:');
  log(`  orders service      POST ${orders.url}/api/v1/orders     metrics: ${orders.url}/metrics`);
  log(`  inventory service   ${inventory.url}/api/v1/inventory/items`);
  log(
    `  Prometheus          ${stack.prometheus.url}   try: sum by (http_route) (rate(http_server_request_duration_seconds_count[1m]))`,
  );
  log(`  Alertmanager        ${stack.alertmanagerUrl}`);
  log(`  sidecar metrics     ${orders.sidecar.telemetryUrl}`);
  log(
    '  traces and logs go through the sidecars to OTLP receivers standing in for Tempo and Loki;',
  );
  log(
    '  for Grafana, Tempo and Loki run the compose stack (compose/README.md) where images can be pulled.',
  );
  log('  Inject a fault and watch the alerts (production rule windows, so allow a few minutes):');
  log(
    `    curl -sS -X PUT -H 'authorization: Bearer demo-admin-token' -H 'content-type: application/json' \\`,
  );
  log(`         -d '{"errorRatio":0.3}' ${inventory.url}/admin/faults`);
  log('  and turn it off again:');
  log(
    `    curl -sS -X DELETE -H 'authorization: Bearer demo-admin-token' ${inventory.url}/admin/faults`,
  );
  log('Press Ctrl-C to stop everything.');
  log('');
}

const stack = await startDemoStack(rps, log);
printWhereToLook(stack);
const ticker = setInterval(() => void status(stack), 30_000);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(ticker);
  log('stopping everything the demo started');
  await stack.stop();
  log('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

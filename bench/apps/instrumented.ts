// The same route with every Lookout signal on: spans (100% sampled), an OTLP-exported log line
// per request, request metrics with exemplars. Run with `--import @lookout/sdk/register`.

import { useLookout } from '@lookout/sdk';
import express from 'express';
import { catalogItem } from './route.ts';

const app = express();
const lookout = useLookout(app);
app.get('/api/items/:id', (req, res) => {
  lookout.logger.info({ itemId: req.params.id }, 'item read');
  res.json(catalogItem(req.params.id));
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stderr.write(`listening on ${JSON.stringify(server.address())}\n`);
});

// The baseline: the benchmark route on bare Express, no SDK loaded.
import express from 'express';
import { catalogItem } from './route.ts';

const app = express();
app.get('/api/items/:id', (req, res) => void res.json(catalogItem(req.params.id)));
const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stderr.write(`listening on ${JSON.stringify(server.address())}\n`);
});

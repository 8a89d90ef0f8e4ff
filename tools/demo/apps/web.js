// twzrd-ops demo fleet: a healthy HTTP service answering GET /health with 200 on 127.0.0.1:$PORT.
const http = require('http');
const port = Number(process.env.PORT);
http.createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404, {'Content-Type': 'text/plain'});
  res.end(req.url === '/health' ? 'ok\n' : 'not found\n');
}).listen(port, '127.0.0.1', () => console.log(`web listening on 127.0.0.1:${port}`));

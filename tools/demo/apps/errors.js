// twzrd-ops demo fleet: stays up but writes ERROR lines, some of them with secrets a careless app logs
// (the report must show them REDACTED). The secrets here are made up.
let n = 0;
const lines = [
  (i) => `ERROR payment ${1000 + i} failed: upstream 503 from https://billing:s3cr3t-pass@pay.example.invalid/v1/charge`,
  (i) => `ERROR login failed for user=ops${i % 3} password=hunter2-${i} from 127.0.0.1`,
  (i) => `ERROR webhook post to https://hooks.slack.com/services/T0DEMO/B0DEMO/notARealWebhook${i} timed out`,
  (i) => `ERROR request ${i} rejected: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.demo${i}.signature`,
];
setInterval(() => {
  n++;
  console.log(`info tick ${n}`);
  console.error(lines[n % lines.length](n));
}, 250);

// PM2 ecosystem file for broken.js: every start within min_uptime is unstable, so PM2 marks it errored after
// max_restarts even on a slow, loaded machine.
module.exports = {
  apps: [{
    name: 'broken',
    script: __dirname + '/broken.js',
    min_uptime: 30000,
    max_restarts: 3,
  }],
};

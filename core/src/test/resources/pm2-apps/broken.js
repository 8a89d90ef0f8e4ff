// Fails at once on every start; started with broken.config.js, PM2 gives up after max_restarts and marks it errored.
console.error('Error: broken cannot start');
process.exit(2);

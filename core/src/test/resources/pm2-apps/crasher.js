// Crashes one second after each start: a crash loop under PM2's autorestart.
setTimeout(() => { console.error('Error: crasher gives up'); process.exit(1); }, 1000);

// twzrd-ops demo fleet: crashes one second after each start, so PM2's autorestart makes it a crash loop.
console.log('crasher starting');
setTimeout(() => { console.error('Error: crasher lost its database connection (ECONNREFUSED 127.0.0.1:5432)'); process.exit(1); }, 1000);

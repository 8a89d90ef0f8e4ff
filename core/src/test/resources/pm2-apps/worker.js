// A background worker that stays up and does a little work now and then.
setInterval(() => {}, 1000);

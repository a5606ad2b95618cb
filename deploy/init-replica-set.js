// mongosh script of the mongo-init service (docker-compose.ha.yml): initiates the replica
// set rs0 of mongo1, mongo2 and mongo3 once, then waits until it has a primary. Running it
// again finds the set initiated and only waits, so `docker compose up` is repeatable.
/* global rs, print, quit, sleep -- mongosh provides these */
const config = {
  _id: 'rs0',
  members: [
    { _id: 0, host: 'mongo1:27017' },
    { _id: 1, host: 'mongo2:27017' },
    { _id: 2, host: 'mongo3:27017' },
  ],
};

try {
  rs.status();
  print('replica set rs0: already initiated');
} catch (err) {
  if (err.codeName !== 'NotYetInitialized') throw err;
  rs.initiate(config);
  print('replica set rs0: initiated with ' + config.members.map((m) => m.host).join(', '));
}

for (let waited = 0; ; waited += 1) {
  const members = rs.status().members;
  if (members.some((m) => m.stateStr === 'PRIMARY')) {
    print('replica set rs0: primary is ' + members.find((m) => m.stateStr === 'PRIMARY').name);
    break;
  }
  if (waited >= 60) {
    print('replica set rs0: no primary after 60 s');
    quit(1);
  }
  sleep(1000);
}

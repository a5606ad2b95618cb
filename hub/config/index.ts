export { checkAddressOrCidr } from './parse.js';
export { SERVER_VARIABLES } from './server-variables.js';
export { INGEST_VARIABLES } from './ingest-variables.js';
export { DATA_VARIABLES } from './data-variables.js';
export { PEOPLE_VARIABLES } from './people-variables.js';

/**
 * Secrets the hub keeps: random server secrets in the database (form tokens, image
 * addresses), and values sealed at rest (sources' credentials). See README "Secrets".
 */
export { getServerSecret } from './server-secret.js';
export { hasConfiguredKey, openText, sealText, SealedValueError, useCredentialsKey } from './sealed-box.js';

/** The address a service sends citizens to: public http(s) only, checked like a source's. */
import { isPrivateOnItsFace } from '../../connectors/index.js';

/** Why this address cannot be a service's, in French, or undefined when it can. */
export function checkServiceUrl(value: string, allowedHosts: readonly string[] = []): string | undefined {
  if (!URL.canParse(value)) return 'adresse web mal formée';
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'seules les adresses http:// et https:// sont acceptées';
  if (url.username || url.password) return "une adresse de service ne contient ni nom d'utilisateur ni mot de passe";
  // The rule of sources; names are checked after DNS by whoever fetches them (the link checker).
  if (isPrivateOnItsFace(url, allowedHosts))
    return 'adresse privée, locale ou réservée refusée (voir SOURCE_ALLOWED_HOSTS)';
  return undefined;
}

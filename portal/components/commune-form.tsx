/**
 * « Ma commune »: a form that keeps the visitor's commune in a first-party cookie (POST
 * /ma-commune, then back to the page). No account, nothing else stored.
 */
import { applyFrenchTypography, Button, SelectField } from '../../hub/ui/index.js';
import type { PartnerRef } from '../view/partner-words.js';

export interface CommuneFormProps {
  communes: PartnerRef[];
  chosen?: PartnerRef;
  /** The page to come back to. */
  returnTo: string;
}

export function CommuneForm({ communes, chosen, returnTo }: CommuneFormProps) {
  return (
    <form class="pl-commune-form" method="post" action="/ma-commune">
      <input type="hidden" name="retour" value={returnTo} />
      <SelectField
        name="commune"
        id="commune"
        label={chosen ? 'Changer de commune' : 'Choisir ma commune'}
        hint="Ses alertes et ses nouvelles passent en premier. Le choix est gardé par votre navigateur dans un cookie de ce site, et rien d'autre."
        placeholder="Choisir une commune"
        value={chosen?.id}
        options={communes.map((c) => ({ value: c.id, label: c.name }))}
      />
      <div class="pl-button-group">
        <Button>{chosen ? 'Changer' : 'Choisir cette commune'}</Button>
        {chosen && (
          <Button variant="secondary" name="oublier" value="1">
            {applyFrenchTypography('Ne plus choisir de commune')}
          </Button>
        )}
      </div>
    </form>
  );
}

/** « Choisir Koné comme ma commune », on a commune's page. */
export function ChooseThisCommune({ commune, returnTo }: { commune: PartnerRef; returnTo: string }) {
  return (
    <form class="pl-commune-form pl-commune-form--inline" method="post" action="/ma-commune">
      <input type="hidden" name="retour" value={returnTo} />
      <input type="hidden" name="commune" value={commune.id} />
      <Button variant="secondary">{`Choisir ${commune.name} comme ma commune`}</Button>
    </form>
  );
}

/** Comptes et jetons: agents with their actions, the invitation form, API tokens. */
import type { AgentView } from '../../hub/accounts/index.js';
import type { TokenView } from '../../hub/auth/index.js';
import type { Role } from '../../schemas/index.js';
import {
  applyFrenchTypography,
  Button,
  ErrorSummary,
  formatDateTime,
  SelectField,
  Table,
  Tag,
  TextField,
  type Choice,
} from '../../hub/ui/index.js';
import { ROLE_LABELS } from '../access.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { ConsoleLayout } from '../layout.js';

interface RefusedForm {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}

/** A refused form shown again: the invitation or the token. */
export interface AccountForms {
  invite?: RefusedForm;
  token?: RefusedForm;
}

export interface AccountsPageProps {
  chrome: Chrome;
  agents: AgentView[];
  tokens: TokenView[];
  forms: AccountForms;
  selfId: string;
  roles: readonly Role[];
  /** Platform admins choose the partner. */
  partners?: Choice[] | undefined;
  partnerName(id: string): string;
}

export function AccountsPage(props: AccountsPageProps) {
  const { chrome, agents, tokens, forms } = props;
  const roleChoices = props.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  const refused = [
    ...Object.entries(forms.invite?.errors ?? {}).map(([f, message]) => ({ field: `invite-${f}`, message })),
    ...Object.entries(forms.token?.errors ?? {}).map(([f, message]) => ({ field: `token-${f}`, message })),
  ];
  return (
    <ConsoleLayout chrome={chrome} title="Comptes et jetons" refused={refused.length > 0}>
      <ErrorSummary errors={refused} />
      <section class="pl-section" aria-labelledby="agents-titre">
        <h2 id="agents-titre">Agents</h2>
        <Table
          id="agents"
          caption={`${agents.length} compte${agents.length > 1 ? 's' : ''}`}
          captionHidden
          rows={agents}
          rowKey={(a) => a.id}
          columns={[
            {
              header: 'Agent',
              rowHeader: true,
              cell: (a) => (
                <>
                  {a.name}
                  <br />
                  <span class="pl-muted">{a.email}</span>
                </>
              ),
            },
            ...(props.partners
              ? [{ header: 'Partenaire', cell: (a: AgentView) => (a.partnerId ? props.partnerName(a.partnerId) : '—') }]
              : []),
            { header: 'Rôle', cell: (a) => ROLE_LABELS[a.role] },
            { header: 'État', cell: (a) => (a.active ? <Tag tone="success">Actif</Tag> : <Tag>Désactivé</Tag>) },
            { header: 'Dernière connexion', cell: (a) => (a.lastSignInAt ? formatDateTime(a.lastSignInAt) : 'jamais') },
            {
              header: 'Actions',
              cell: (a) =>
                a.id === props.selfId ? (
                  <a href="/console/compte">Votre compte</a>
                ) : (
                  <AgentActions agent={a} csrf={chrome.csrf} roles={roleChoices} />
                ),
            },
          ]}
        />
      </section>
      <section class="pl-section" aria-labelledby="inviter-titre">
        <h2 id="inviter-titre">Inviter un agent</h2>
        <p>
          {applyFrenchTypography('Il reçoit un lien pour choisir son mot de passe (valable 7 jours, à usage unique).')}
        </p>
        <form method="post" action="/console/comptes" class="pl-form" novalidate>
          <CsrfField token={chrome.csrf} />
          <TextField
            id="invite-name"
            name="name"
            label="Nom"
            value={forms.invite?.values.name}
            error={forms.invite?.errors.name}
          />
          <TextField
            id="invite-email"
            name="email"
            label="Adresse e-mail"
            type="email"
            value={forms.invite?.values.email}
            error={forms.invite?.errors.email}
          />
          <RoleAndPartner
            prefix="invite"
            form={forms.invite}
            roles={roleChoices}
            partners={props.partners}
            labels={{ role: 'Rôle', partner: 'Partenaire', none: 'Aucun (administrateur de la plateforme)' }}
          />
          <Button>Inviter</Button>
        </form>
      </section>
      <section class="pl-section" aria-labelledby="jetons-titre">
        <h2 id="jetons-titre">Jetons d’API</h2>
        <p>
          {applyFrenchTypography(
            'Pour les programmes qui appellent l’API d’administration. Le jeton n’est montré qu’une fois.',
          )}
        </p>
        <Table
          id="jetons"
          caption="Jetons d’API en service"
          captionHidden
          rows={tokens}
          rowKey={(t) => t.id}
          empty="Aucun jeton."
          columns={[
            { header: 'Nom', rowHeader: true, cell: (t) => t.name },
            { header: 'Rôle', cell: (t) => ROLE_LABELS[t.role] },
            { header: 'Dernier usage', cell: (t) => (t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'jamais') },
            {
              header: 'Action',
              cell: (t) => (
                <form method="post" action={`/console/jetons/${t.id}/revoquer`}>
                  <CsrfField token={chrome.csrf} />
                  <button type="submit" class="pl-link-button">
                    Révoquer<span class="pl-visually-hidden"> le jeton {t.name}</span>
                  </button>
                </form>
              ),
            },
          ]}
        />
        <form method="post" action="/console/jetons" class="pl-form" novalidate>
          <CsrfField token={chrome.csrf} />
          <TextField
            id="token-name"
            name="name"
            label="Nom du jeton"
            hint="Le programme qui s’en sert : « site de la mairie »."
            value={forms.token?.values.name}
            error={forms.token?.errors.name}
          />
          <RoleAndPartner
            prefix="token"
            form={forms.token}
            roles={roleChoices}
            partners={props.partners}
            labels={{ role: 'Rôle du jeton', partner: 'Partenaire du jeton', none: 'Aucun (plateforme)' }}
          />
          <Button variant="secondary">Créer un jeton</Button>
        </form>
      </section>
    </ConsoleLayout>
  );
}

function AgentActions({ agent, csrf, roles }: { agent: AgentView; csrf: string; roles: Choice[] }) {
  return (
    <div class="pl-row-actions">
      <form method="post" action={`/console/comptes/${agent.id}`} class="pl-inline-form">
        <CsrfField token={csrf} />
        <label class="pl-visually-hidden" for={`role-${agent.id}`}>
          Rôle de {agent.name}
        </label>
        <select name="role" id={`role-${agent.id}`} class="pl-select">
          {roles.map((r) => (
            <option value={r.value} selected={r.value === agent.role} key={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit" class="pl-link-button">
          Changer le rôle<span class="pl-visually-hidden"> de {agent.name}</span>
        </button>
      </form>
      <form method="post" action={`/console/comptes/${agent.id}`}>
        <CsrfField token={csrf} />
        <input type="hidden" name="active" value={agent.active ? 'non' : 'oui'} />
        <button type="submit" class="pl-link-button">
          {agent.active ? 'Désactiver' : 'Réactiver'}
          <span class="pl-visually-hidden"> {agent.name}</span>
        </button>
      </form>
      {agent.active && (
        <form method="post" action={`/console/comptes/${agent.id}/lien`}>
          <CsrfField token={csrf} />
          <button type="submit" class="pl-link-button">
            Lien de mot de passe<span class="pl-visually-hidden"> pour {agent.name}</span>
          </button>
        </form>
      )}
    </div>
  );
}

/** The role and, for platform admins, the partner of an invited agent or a new token. */
function RoleAndPartner(props: {
  prefix: string;
  form: RefusedForm | undefined;
  roles: Choice[];
  partners: Choice[] | undefined;
  labels: { role: string; partner: string; none: string };
}) {
  const { prefix, form, labels } = props;
  return (
    <>
      <SelectField
        id={`${prefix}-role`}
        name="role"
        label={labels.role}
        options={props.roles}
        value={form?.values.role ?? 'editor'}
        error={form?.errors.role}
      />
      {props.partners && (
        <SelectField
          id={`${prefix}-partnerId`}
          name="partnerId"
          label={labels.partner}
          options={props.partners}
          placeholder={labels.none}
          value={form?.values.partnerId}
          error={form?.errors.partnerId}
        />
      )}
    </>
  );
}

/**
 * Comptes et jetons: the partner's agents (invite, change role, deactivate, reset link) and
 * its API tokens (create, revoke). A partner admin manages its partner's; a platform admin
 * every partner's. Secrets (links, tokens) are shown once, in the flash, and mailed when SMTP is set.
 */
import type { Context, Middleware } from 'koa';
import {
  AGENT_ROLES,
  changeAgent,
  findAgent,
  inviteAgent,
  issueResetLink,
  listAgents,
  toAgentView,
  type AgentDoc,
} from '../../hub/accounts/index.js';
import { audited, type AuditSnapshot } from '../../hub/audit/index.js';
import { issueToken, listVisibleTokens, revokeToken, snapshotToken } from '../../hub/auth/index.js';
import { DomainError } from '../../hub/domain-errors.js';
import type { RouteGroup } from '../../hub/http/index.js';
import type { Role } from '../../schemas/index.js';
import { ROLE_LABELS } from '../access.js';
import type { ConsoleDeps } from '../deps.js';
import { errorMap, field, formBody, invalidFields } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, requireCapability } from '../http/viewer.js';
import { AccountsPage, type AccountForms } from '../pages/accounts-page.js';

async function snapshotAgent(id: string): Promise<AuditSnapshot | undefined> {
  const agent = await findAgent(id);
  if (!agent) return undefined;
  return {
    ...(agent.partnerId ? { partnerId: agent.partnerId } : {}),
    label: agent.email,
    fields: { name: agent.name, role: agent.role, active: agent.active },
  };
}

async function show(ctx: Context, deps: ConsoleDeps, forms: AccountForms = {}, status = 200): Promise<void> {
  const viewer = getViewer(ctx);
  const [agents, tokens] = await Promise.all([
    listAgents(viewer.partnerId ? { partnerId: viewer.partnerId } : {}),
    listVisibleTokens(viewer.principal),
  ]);
  const partners = deps.catalog.partners.current();
  await renderScreen(
    ctx,
    deps,
    'accounts',
    AccountsPage,
    {
      agents: agents.map(toAgentView),
      tokens,
      forms,
      selfId: viewer.agent._id,
      roles: AGENT_ROLES.filter((r) => viewer.role === 'platform-admin' || r !== 'platform-admin'),
      partners: viewer.partnerId ? undefined : [...partners.entries()].map(([value, p]) => ({ value, label: p.name })),
      partnerName: (id: string) => partners.get(id)?.name ?? id,
    },
    status,
  );
}

const linkOf = (deps: ConsoleDeps, token: string) =>
  `${deps.config.publicUrl.replace(/\/$/, '')}/console/mot-de-passe/${token}`;

/** Mails a link when SMTP is set; the flash shows it once in any case (nothing depends on mail). */
async function deliverLink(ctx: Context, deps: ConsoleDeps, agent: AgentDoc, token: string, invitation: boolean) {
  const url = linkOf(deps, token);
  let mailed = false;
  if (deps.notifications.mailConfigured) {
    const outcome = await deps.notifications.sendDirect(
      { email: agent.email, name: agent.name },
      invitation
        ? {
            subject: 'Votre compte sur la console Passerelle',
            body: `Bonjour ${agent.name},\n\nUn compte vous attend sur la console Passerelle. Choisissez votre mot de passe (lien valable 7 jours, à usage unique) :\n${url}`,
          }
        : {
            subject: 'Changer votre mot de passe Passerelle',
            body: `Bonjour ${agent.name},\n\nChoisissez un nouveau mot de passe (lien valable une heure, à usage unique) :\n${url}`,
          },
    );
    mailed = outcome.status === 'sent';
  }
  await redirectWithFlash(ctx, '/console/comptes', {
    kind: 'success',
    message: `${invitation ? 'Compte créé' : 'Lien créé'} pour ${agent.email}${mailed ? ' ; le lien lui a été envoyé par e-mail' : ''}. Ce lien n’est montré qu’une fois :`,
    secret: url,
    secretLabel: 'Lien à usage unique',
  });
}

/** The role and partner of a new agent or token as posted; a partner's admin gives only its own partner. */
function readRoleAndPartner(ctx: Context, body: ReturnType<typeof formBody>) {
  return { role: field(body, 'role') as Role, partnerId: getViewer(ctx).partnerId ?? field(body, 'partnerId') };
}

/** What the hub is given: a platform admin belongs to no partner. */
function toRoleAndPartner({ role, partnerId }: { role: Role; partnerId: string }) {
  return { role, ...(partnerId && role !== 'platform-admin' ? { partnerId } : {}) };
}

function partnerExists(deps: ConsoleDeps) {
  return async (id: string) => deps.catalog.partners.current().has(id);
}

function invite(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const body = formBody(ctx);
    const values = { email: field(body, 'email'), name: field(body, 'name'), ...readRoleAndPartner(ctx, body) };
    try {
      const input = { email: values.email, name: values.name, ...toRoleAndPartner(values) };
      const { agent, token } = await inviteAgent(viewer.principal, input, partnerExists(deps));
      ctx.state.auditTargets = [agent._id];
      await deliverLink(ctx, deps, agent, token, true);
    } catch (err) {
      const fields = invalidFields(err);
      if (fields) return show(ctx, deps, { invite: { values, errors: errorMap(fields) } }, 400);
      if (err instanceof DomainError && err.kind === 'conflict')
        return show(ctx, deps, { invite: { values, errors: { email: 'Un compte existe déjà à cette adresse' } } }, 400);
      throw err;
    }
  };
}

function change() {
  return async (ctx: Context) => {
    const body = formBody(ctx);
    const role = field(body, 'role');
    const active = field(body, 'active');
    const patch = {
      ...((AGENT_ROLES as readonly string[]).includes(role) ? { role: role as Role } : {}),
      ...(active === 'oui' ? { active: true } : active === 'non' ? { active: false } : {}),
    };
    const agent = await changeAgent(getViewer(ctx).principal, String(ctx.params.id), patch);
    await redirectWithFlash(ctx, '/console/comptes', {
      kind: 'success',
      message: `Compte de ${agent.email} : ${ROLE_LABELS[agent.role].toLowerCase()}, ${agent.active ? 'actif' : 'désactivé'}.`,
    });
  };
}

function reset(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const { agent, token } = await issueResetLink(getViewer(ctx).principal, String(ctx.params.id));
    await deliverLink(ctx, deps, agent, token, false);
  };
}

function createApiToken(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const body = formBody(ctx);
    const values = { name: field(body, 'name'), ...readRoleAndPartner(ctx, body) };
    try {
      const input = { name: values.name, ...toRoleAndPartner(values) };
      const { token, view } = await issueToken(viewer.principal, input, partnerExists(deps));
      ctx.state.auditTargets = [view.id];
      await redirectWithFlash(ctx, '/console/comptes', {
        kind: 'success',
        message: `Jeton « ${view.name} » créé. Il n’est montré qu’une fois : copiez-le maintenant.`,
        secret: token,
        secretLabel: 'Jeton d’API',
      });
    } catch (err) {
      const fields = invalidFields(err);
      if (!fields) throw err;
      return show(ctx, deps, { token: { values, errors: errorMap(fields) } }, 400);
    }
  };
}

function revoke() {
  return async (ctx: Context) => {
    const token = await revokeToken(getViewer(ctx).principal, String(ctx.params.id));
    await redirectWithFlash(ctx, '/console/comptes', { kind: 'success', message: `Jeton « ${token.name} » révoqué.` });
  };
}

export function addAccountScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('accounts');
  const journal = (action: string, always = false, ids?: () => string[]) =>
    audited({ action, target: 'agent', snapshot: snapshotAgent, always, ...(ids ? { ids } : {}) });
  addPage(group, '/console/comptes', 'Les comptes des agents et les jetons d’API', undefined, agent, may, (ctx) =>
    show(ctx, deps),
  );
  addAction(
    group,
    '/console/comptes',
    'Inviter un agent',
    agent,
    may,
    journal('agent.invite', true, () => []),
    invite(deps),
  );
  addAction(
    group,
    '/console/comptes/:id',
    'Changer le rôle ou l’activité d’un compte',
    agent,
    may,
    journal('agent.update'),
    change(),
  );
  addAction(
    group,
    '/console/comptes/:id/lien',
    'Créer un lien de mot de passe (une heure, usage unique)',
    agent,
    may,
    journal('agent.reset-link', true),
    reset(deps),
  );
  addAction(
    group,
    '/console/jetons',
    'Créer un jeton d’API',
    agent,
    may,
    audited({ action: 'token.create', target: 'token', snapshot: snapshotToken, ids: () => [] }),
    createApiToken(deps),
  );
  addAction(
    group,
    '/console/jetons/:id/revoquer',
    'Révoquer un jeton d’API',
    agent,
    may,
    audited({ action: 'token.revoke', target: 'token', snapshot: snapshotToken }),
    revoke(),
  );
}

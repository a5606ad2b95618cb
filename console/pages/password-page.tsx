/** Choosing a password through a single-use link (an invitation or a reset). */
import { applyFrenchTypography, Button, ErrorSummary, Notice, TextField } from '../../hub/ui/index.js';
import { CsrfField } from '../components/csrf-field.js';
import { AnonymousLayout } from '../layout.js';

export interface PasswordPageProps {
  csrf: string;
  token: string;
  purpose: 'invitation' | 'reset';
  name: string;
  email: string;
  errors?: Record<string, string>;
}

export function PasswordPage(props: PasswordPageProps) {
  const errors = props.errors ?? {};
  const summary = Object.entries(errors).map(([field, message]) => ({ field, message }));
  const invitation = props.purpose === 'invitation';
  return (
    <AnonymousLayout
      title={invitation ? 'Créer votre mot de passe' : 'Choisir un nouveau mot de passe'}
      refused={summary.length > 0}
      lede={applyFrenchTypography(
        invitation
          ? `Bienvenue, ${props.name}. Choisissez le mot de passe de votre compte ${props.email}.`
          : `Choisissez un nouveau mot de passe pour le compte ${props.email}. Vos autres sessions seront fermées.`,
      )}
    >
      <ErrorSummary errors={summary} />
      <form method="post" action={`/console/mot-de-passe/${props.token}`} class="pl-form" novalidate>
        <CsrfField token={props.csrf} />
        <input type="text" name="username" value={props.email} autocomplete="username" hidden />
        <TextField
          name="password"
          label="Nouveau mot de passe"
          hint="12 caractères au moins. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."
          type="password"
          autocomplete="new-password"
          error={errors.password}
        />
        <TextField
          name="confirmation"
          label="Le même mot de passe, une seconde fois"
          type="password"
          autocomplete="new-password"
          error={errors.confirmation}
        />
        <Button>Enregistrer le mot de passe</Button>
      </form>
    </AnonymousLayout>
  );
}

/** A link already used or expired. */
export function ExpiredLinkPage() {
  return (
    <AnonymousLayout title="Lien expiré">
      <Notice kind="alert" title="Ce lien ne fonctionne plus">
        <p>
          {applyFrenchTypography(
            "Il a déjà servi ou il a expiré (une heure pour un changement de mot de passe, sept jours pour une invitation). Demandez-en un nouveau à l'administrateur de votre partenaire.",
          )}
        </p>
      </Notice>
      <p>
        <a href="/console/connexion">Aller à la page de connexion</a>
      </p>
    </AnonymousLayout>
  );
}

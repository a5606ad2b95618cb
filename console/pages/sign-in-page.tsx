/** Sign-in: e-mail and password, or the identity provider; the same message whatever was wrong. */
import { applyFrenchTypography, Button, ErrorSummary, Notice, TextField } from '../../hub/ui/index.js';
import { CsrfField } from '../components/csrf-field.js';
import { AnonymousLayout } from '../layout.js';

export interface SignInPageProps {
  csrf: string;
  /** Where to go once signed in. */
  retour: string;
  email?: string;
  /** Per-field messages (email, password) or the refusal (form). */
  errors?: Record<string, string>;
  /** The identity provider's button, when configured: « Se connecter avec … ». */
  oidcLabel?: string;
  /** Why the agent is here: signed out, everywhere, or a provider refusal. */
  notice?: { kind: 'info' | 'success' | 'alert'; title: string; text?: string };
}

export function SignInPage(props: SignInPageProps) {
  const errors = props.errors ?? {};
  const summary = Object.entries(errors).map(([field, message]) => ({
    field: field === 'form' ? 'email' : field,
    message,
  }));
  return (
    <AnonymousLayout
      title="Connexion"
      refused={summary.length > 0}
      heading="Connexion à la console"
      lede={applyFrenchTypography(
        'La console des partenaires : vos sources, vos contenus, la modération des commentaires et vos widgets.',
      )}
    >
      <ErrorSummary errors={summary} />
      {props.notice && (
        <Notice kind={props.notice.kind} title={props.notice.title} status>
          {props.notice.text && <p>{applyFrenchTypography(props.notice.text)}</p>}
        </Notice>
      )}
      <form method="post" action="/console/connexion" class="pl-form pl-signin" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="retour" value={props.retour} />
        <TextField
          name="email"
          label="Adresse e-mail"
          type="email"
          autocomplete="username"
          spellcheck={false}
          value={props.email}
          error={errors.email}
        />
        <TextField
          name="password"
          label="Mot de passe"
          type="password"
          autocomplete="current-password"
          error={errors.password}
        />
        <Button>Se connecter</Button>
      </form>
      {props.oidcLabel && (
        <section class="pl-section" aria-labelledby="oidc-titre">
          <h2 id="oidc-titre">Ou avec votre compte de l'administration</h2>
          <p>
            <a
              class="pl-button pl-button--secondary"
              href={`/console/connexion/oidc?retour=${encodeURIComponent(props.retour)}`}
            >
              {applyFrenchTypography(`Se connecter avec ${props.oidcLabel}`)}
            </a>
          </p>
          <p class="pl-hint">
            {applyFrenchTypography(
              "Votre compte Passerelle doit exister à la même adresse e-mail : demandez à l'administrateur de votre partenaire de vous inviter.",
            )}
          </p>
        </section>
      )}
      <p class="pl-muted">
        {applyFrenchTypography(
          "Mot de passe oublié ? Demandez un lien à l'administrateur de votre partenaire ; il est valable une heure et ne sert qu'une fois.",
        )}
      </p>
    </AnonymousLayout>
  );
}

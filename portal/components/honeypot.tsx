/** The field people never see nor reach (the API's `website` honeypot): a robot that fills it is refused. */
export function Honeypot() {
  return (
    <div class="pl-hp" aria-hidden="true">
      <label for="website">Ne pas remplir ce champ</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

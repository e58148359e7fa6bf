// Starts the NHS.UK frontend's components (header menu, details, skip link, error summary), then
// moves focus to a result a form has just produced, so a screen reader announces it.
import { initAll } from "../wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js";

initAll();

const result = document.querySelector("[data-app-focus-on-load]");
if (result && !document.querySelector(".nhsuk-error-summary")) {
  result.focus();
}

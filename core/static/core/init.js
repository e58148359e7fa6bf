// Starts the NHS.UK frontend's components (header menu, details, skip link, error summary).
import { initAll } from "../wagtailnhsukfrontend/js/nhsuk-frontend-10.4.2.min.js";

initAll();

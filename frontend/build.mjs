// Builds the static files PSW Hub serves: compiled CSS and GOV.UK Frontend's JavaScript.
// Run by `make setup`; no Node is needed once the files are built.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";

const out = "pswhub/static/build";
mkdirSync(out, { recursive: true });

const css = compile("frontend/app.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
});
writeFileSync(`${out}/app.css`, css.css);
copyFileSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/govuk-frontend.min.js`);
copyFileSync("frontend/init.mjs", `${out}/init.mjs`);
copyFileSync("frontend/favicon.svg", `${out}/favicon.svg`);
console.log(`Built ${out}`);

// deploy/Caddyfile, run by Debian's Caddy in front of the fake API (suite.mjs has the checks).
import { hostingSuite } from "./suite.mjs";

hostingSuite("caddy");

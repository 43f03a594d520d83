// deploy/nginx.conf, run by Debian's nginx in front of the fake API (suite.mjs has the checks).
import { hostingSuite } from "./suite.mjs";

hostingSuite("nginx");

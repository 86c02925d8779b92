/** Source positions and the problems found in plans, collected for the whole run. */
package dev.planbake.diag;

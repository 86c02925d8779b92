/** View models and templates to in-memory pages: HTML, SVG, JSON; sanitising of plan HTML. */
package dev.planbake.render;

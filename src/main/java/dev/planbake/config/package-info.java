/** Typed settings with their defaults, and the one YAML reader (config and front matter). */
package dev.planbake.config;

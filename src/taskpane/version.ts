declare const __APP_VERSION__: string | undefined;

/**
 * The add-in's version: package.json's, stamped into the build (and into
 * dist/manifest.xml's Version, which is what the admin centre shows).
 * "development" where no build stamped it (tests).
 */
export const APP_VERSION = typeof __APP_VERSION__ === "string" ? __APP_VERSION__ : "development";

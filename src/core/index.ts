/** The calculation core: pure functions, plain data, no host. */
export * from "./values";
export * from "./problems";
export * from "./numbers";
export * from "./dates";
export * from "./periods";
export * from "./polarity";
export * from "./status";
export * from "./trend";
export * from "./spc";
export * from "./risk/matrix";
export * from "./risk/register";
export * from "./risk/heatmap";
export * from "./standards/fraction";
export * from "./standards/standard";
export * from "./standards/breakdown";
export * from "./standards/exceptions";
export * from "./indicator";

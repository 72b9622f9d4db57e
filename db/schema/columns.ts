import { uuid } from "drizzle-orm/pg-core";
import { slots } from "./slots";
import { users } from "./users";

/** The slot and the student a row is about (an application, a match): it goes with either of them. */
export const slotAndStudent = () => ({
  slotId: uuid()
    .notNull()
    .references(() => slots.id, { onDelete: "cascade" }),
  studentId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
});

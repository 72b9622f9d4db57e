import { useFormAction, useNavigation } from "@remix-run/react";

/**
 * Whether the submission under way is this form's: its action and method match the navigation's
 * (by default the current route's action, posted), and every field in `fields` was sent with that
 * value — an intent, a move, the id of the row. One submission greys out its own buttons, not
 * every button on the page. Pending from the submission until the page it leads to has loaded.
 */
export function useIsPending({
  formAction,
  formMethod = "POST",
  fields = {},
}: {
  formAction?: string;
  formMethod?: "POST" | "GET";
  fields?: Record<string, string>;
} = {}) {
  const routeAction = useFormAction();
  const navigation = useNavigation();
  return (
    navigation.state !== "idle" &&
    navigation.formAction === (formAction ?? routeAction) &&
    navigation.formMethod?.toUpperCase() === formMethod &&
    Object.entries(fields).every(([name, value]) => navigation.formData?.get(name) === value)
  );
}

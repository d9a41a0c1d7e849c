/** The task pane inside Fluent's provider, with the host's theme (light/dark). */
import * as React from "react";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { TaskPane, TaskPaneProps } from "./TaskPane";

export function PaneRoot(props: TaskPaneProps): React.JSX.Element {
  return (
    <FluentProvider theme={props.host.theme === "dark" ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <TaskPane {...props} />
    </FluentProvider>
  );
}

/** The parts of the Node-RED editor API that the "Symphony chat" sidebar tab uses. */

interface RedSidebarTab {
  id: string;
  label: string;
  name: string;
  iconClass: string;
  content: HTMLElement;
  /** Usable while a node's edit tray is open. */
  enableOnEdit: boolean;
  /** Called each time the tab is shown. */
  onchange(): void;
}

interface RedEditorApi {
  sidebar: {
    addTab(tab: RedSidebarTab): void;
  };
}

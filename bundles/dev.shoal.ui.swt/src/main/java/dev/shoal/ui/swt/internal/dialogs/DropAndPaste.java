package dev.shoal.ui.swt.internal.dialogs;

import dev.shoal.ui.swt.internal.adding.DroppedText;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.dnd.URLTransfer;
import org.eclipse.swt.widgets.Control;

/**
 * Torrents dropped on a control (files from a file manager, links and text from a browser) or
 * pasted into it with Ctrl+V (Cmd+V on macOS) go to the add flow. Text counts line by line: links,
 * URLs and absolute paths.
 */
public final class DropAndPaste {

    private DropAndPaste() {
    }

    public static void install(Control target, AddFlow flow) {
        DropTarget drop = new DropTarget(target, DND.DROP_COPY | DND.DROP_LINK | DND.DROP_MOVE | DND.DROP_DEFAULT);
        drop.setTransfer(FileTransfer.getInstance(), URLTransfer.getInstance(), TextTransfer.getInstance());
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                // Never move: the file manager would delete the user's torrent file after the drop.
                if (event.detail == DND.DROP_DEFAULT || event.detail == DND.DROP_MOVE) {
                    event.detail = (event.operations & DND.DROP_COPY) != 0 ? DND.DROP_COPY
                            : (event.operations & DND.DROP_LINK) != 0 ? DND.DROP_LINK : DND.DROP_NONE;
                }
            }

            @Override
            public void dragOperationChanged(DropTargetEvent event) {
                dragEnter(event);
            }

            @Override
            public void drop(DropTargetEvent event) {
                List<String> targets = targets(event.data);
                if (!targets.isEmpty()) {
                    flow.openAll(targets);
                }
            }
        });
        target.addListener(SWT.KeyDown, event -> {
            if ((event.stateMask & SWT.MODIFIER_MASK) == SWT.MOD1 && (event.keyCode == 'v' || event.keyCode == 'V')) {
                event.doit = false;
                paste(target, flow);
            }
        });
    }

    /** What the clipboard holds, files first, then text, to the add flow. */
    public static void paste(Control target, AddFlow flow) {
        Clipboard clipboard = new Clipboard(target.getDisplay());
        try {
            for (Transfer transfer : new Transfer[] {FileTransfer.getInstance(), TextTransfer.getInstance()}) {
                List<String> targets = targets(clipboard.getContents(transfer));
                if (!targets.isEmpty()) {
                    flow.openAll(targets);
                    return;
                }
            }
        } finally {
            clipboard.dispose();
        }
    }

    /** File names as they are; text (URLTransfer's too, which may carry a title line) line by line. */
    private static List<String> targets(Object data) {
        if (data instanceof String[] files) {
            return List.of(files);
        }
        if (data instanceof String text) {
            return DroppedText.lines(text, AddFlow.MOST_AT_ONCE + 1);
        }
        return List.of();
    }
}

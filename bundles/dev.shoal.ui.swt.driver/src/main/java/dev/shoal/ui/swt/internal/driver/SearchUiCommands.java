package dev.shoal.ui.swt.internal.driver;

import dev.shoal.ui.swt.internal.DesktopDriver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Search tab's part of the {@code ui} scope: {@code ui:search [words… [--provider id]]} starts a
 * search as the user would (no words: how the one under way stands), {@code ui:hits} lists the
 * results table, {@code ui:fetch <row>} adds a row as a double-click does.
 */
@Component(service = SearchUiCommands.class, property = {"osgi.command.scope=ui",
    "osgi.command.function=search", "osgi.command.function=hits", "osgi.command.function=fetch"})
public final class SearchUiCommands {

    private static final String USAGE = "ui:search [words... [--provider id]]";

    private final DesktopDriver desktop;

    @Activate
    public SearchUiCommands(@Reference DesktopDriver desktop) {
        this.desktop = desktop;
    }

    public List<String> search(String... args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        String provider = null;
        int option = words.indexOf("--provider");
        if (option >= 0) {
            if (option + 1 >= words.size()) {
                throw new IllegalArgumentException("--provider needs an id; usage: " + USAGE);
            }
            provider = words.remove(option + 1);
            words.remove(option);
        }
        String query = String.join(" ", words);
        String chosen = provider;
        return desktop.call("ui:search", w -> {
            if (!query.isBlank()) {
                w.search().search(query, chosen);
            }
            return w.search().state();
        });
    }

    public List<String> hits() {
        return desktop.call("ui:hits", w -> w.search().rows());
    }

    public String fetch(String row) {
        int index = UiCommands.number(row, "ui:fetch <row, from 0>");
        desktop.call("ui:fetch", w -> {
            w.search().add(index);
            return null;
        });
        return "adding result " + index;
    }
}

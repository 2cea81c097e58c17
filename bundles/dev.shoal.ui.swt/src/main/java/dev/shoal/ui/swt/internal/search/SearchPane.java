package dev.shoal.ui.swt.internal.search;

import dev.shoal.search.api.ProviderInfo;
import dev.shoal.search.api.ProviderOutcome;
import dev.shoal.search.api.SearchHit;
import dev.shoal.search.api.SearchListener;
import dev.shoal.search.api.SearchOptions;
import dev.shoal.search.api.SearchResult;
import dev.shoal.search.api.SearchService;
import dev.shoal.search.api.SearchSession;
import dev.shoal.ui.swt.internal.window.Ui;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * The Search tab: words, a provider (or all), a results table whose rows a double-click adds, and
 * a line saying how each provider did. Searches run in the search service; its news arrives on
 * search threads and is handed over as one snapshot at a time, so a provider that floods costs
 * the display thread one redraw per event-loop turn, not one per result. The provider list
 * follows plugins coming and going (read every {@value #PROVIDERS_EVERY_MS} ms off the display
 * thread while the pane is seen; not at all while another tab is on top or the window is hidden).
 */
public final class SearchPane {

    private static final int PROVIDERS_EVERY_MS = 2_000;
    private static final String ALL = "All providers";

    /** What a search said last, read on a search thread, shown on the display thread. */
    private record View(SearchSession session, List<SearchHit> hits, List<ProviderOutcome> outcomes, boolean done) {
    }

    private final Composite pane;
    private final Display display;
    private final Supplier<Optional<SearchService>> service;
    private final Executor work;
    private final Consumer<String> add;
    private final Text query;
    private final Combo providers;
    private final Button go;
    private final Table table;
    private final Label outcome;
    private final List<String> providerIds = new ArrayList<>();
    private final AtomicReference<View> latest = new AtomicReference<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    /** Whether the provider refresh's timer is set (display thread). */
    private boolean refreshing;
    private SearchSession running;
    private List<SearchHit> hits = List.of();
    private HitColumn sortedBy;
    private String status = "idle";

    /** @param add adds a torrent by file, URL or magnet link, as the add flow does */
    public SearchPane(Composite parent, Supplier<Optional<SearchService>> service, Executor work, Consumer<String> add) {
        this.display = parent.getDisplay();
        this.service = service;
        this.work = work;
        this.add = add;
        pane = new Composite(parent, SWT.NONE);
        pane.setLayout(new GridLayout(1, false));

        Composite bar = new Composite(pane, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout barLayout = new GridLayout(3, false);
        barLayout.marginWidth = 0;
        bar.setLayout(barLayout);
        query = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        query.setMessage("search for torrents");
        query.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        query.addListener(SWT.DefaultSelection, e -> searchOrStop());
        providers = new Combo(bar, SWT.READ_ONLY);
        providers.setItems(ALL);
        providers.select(0);
        GridData providersData = new GridData(SWT.FILL, SWT.CENTER, false, false);
        providersData.widthHint = 220;
        providers.setLayoutData(providersData);
        go = new Button(bar, SWT.PUSH);
        go.setText("Search");
        go.addListener(SWT.Selection, e -> searchOrStop());

        table = new Table(pane, SWT.VIRTUAL | SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (HitColumn column : HitColumn.values()) {
            TableColumn tc = new TableColumn(table, column == HitColumn.NAME || column == HitColumn.PROVIDER
                    ? SWT.LEFT : SWT.RIGHT);
            tc.setText(column.title());
            tc.setWidth(column.width());
            tc.addListener(SWT.Selection, e -> sortBy(column));
        }
        table.addListener(SWT.SetData, e -> {
            if (e.index < hits.size()) {
                ((TableItem) e.item).setText(HitColumn.cells(hits.get(e.index)));
            }
        });
        table.addListener(SWT.DefaultSelection, e -> addSelected());
        outcome = new Label(pane, SWT.WRAP);
        outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        pane.addListener(SWT.Dispose, e -> stop());
        // The pane shown again (its tab brought to the front, or the window back from the tray).
        pane.addListener(SWT.Show, e -> display.asyncExec(this::refreshProviders));
        pane.getShell().addListener(SWT.Show, e -> display.asyncExec(this::refreshProviders));
        refreshProviders();
    }

    public Composite control() {
        return pane;
    }

    public void focus() {
        query.setFocus();
    }

    /** Starts a search of {@code words} with {@code providerId} (null: all); the driver's and the user's way. */
    public void search(String words, String providerId) {
        query.setText(words);
        if (providerId == null) {
            providers.select(0);
        } else {
            int index = providerIds.indexOf(providerId);
            if (index < 0) {
                throw new IllegalArgumentException("no search provider " + providerId + "; there are " + providerIds);
            }
            providers.select(index + 1);
        }
        start();
    }

    /** "status=searching|done|… providers=N hits=N" and one line per provider outcome, for {@code ui:search}. */
    public List<String> state() {
        List<String> lines = new ArrayList<>();
        lines.add("status=" + status + " providers=" + providerIds.size() + " hits=" + hits.size());
        for (String line : outcome.getText().split(" · ")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The table as shown: a header line, then one line per hit, cells joined by " | ". */
    public List<String> rows() {
        List<String> lines = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (HitColumn column : HitColumn.values()) {
            titles.add(column.title());
        }
        lines.add(String.join(" | ", titles));
        for (SearchHit hit : hits) {
            lines.add(String.join(" | ", HitColumn.cells(hit)));
        }
        return lines;
    }

    /** Adds the hit in row {@code index}, as a double-click does. */
    public void add(int index) {
        if (index < 0 || index >= hits.size()) {
            throw new IllegalArgumentException("no result " + index + ": the table shows " + hits.size());
        }
        table.setSelection(index);
        addSelected();
    }

    private void searchOrStop() {
        if (running != null && !running.done()) {
            stop();
            status = "stopped";
            go.setText("Search");
        } else {
            start();
        }
    }

    private void start() {
        String words = query.getText().strip();
        if (words.isEmpty()) {
            outcome.setText("Type what to search for.");
            return;
        }
        Optional<SearchService> search = service.get();
        if (search.isEmpty()) {
            outcome.setText("Searching needs the search bundle (dev.shoal.search), which is not running.");
            return;
        }
        stop();
        int chosen = providers.getSelectionIndex();
        SearchOptions options = SearchOptions.defaults();
        if (chosen > 0) {
            options = options.withProviders(Set.of(providerIds.get(chosen - 1)));
        }
        try {
            running = search.get().search(words, options, listener());
        } catch (IllegalArgumentException e) {
            outcome.setText(e.getMessage());
            return;
        }
        status = "searching";
        go.setText("Stop");
        hits = List.of();
        sortedBy = null;
        table.setSortColumn(null);
        table.setItemCount(0);
        outcome.setText("Searching…");
        pane.layout(true, true);
    }

    private void stop() {
        if (running != null) {
            running.cancel();
        }
    }

    private SearchListener listener() {
        return new SearchListener() {
            @Override
            public void hitsChanged(SearchSession search) {
                publish(search);
            }

            @Override
            public void providerFinished(SearchSession search, ProviderOutcome outcome) {
                publish(search);
            }

            @Override
            public void finished(SearchSession search) {
                publish(search);
            }
        };
    }

    /** On a search thread: snapshots the search, posts one redraw unless one is pending. */
    private void publish(SearchSession search) {
        latest.set(new View(search, search.hits(), search.outcomes(), search.done()));
        if (!posted.getAndSet(true)) {
            Ui.post(display, this::show);
        }
    }

    private void show() {
        posted.set(false);
        View view = latest.get();
        if (pane.isDisposed() || view == null || view.session() != running) {
            return;
        }
        hits = sortedBy == null ? view.hits() : sorted(view.hits(), sortedBy);
        table.setItemCount(hits.size());
        table.clearAll();
        outcome.setText(describe(view.outcomes()));
        if (view.done()) {
            status = "done";
            go.setText("Search");
        }
        pane.layout(true, true);
    }

    private static String describe(List<ProviderOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "No search providers: drop a plugin into the plugins folder, or configure one (docs/plugins.md).";
        }
        List<String> parts = new ArrayList<>();
        for (ProviderOutcome each : outcomes) {
            String took = String.format(java.util.Locale.ROOT, "%.1f s", each.elapsed().toMillis() / 1000.0);
            parts.add(switch (each.status()) {
                case RUNNING -> each.name() + ": searching (" + each.results() + " so far)";
                case DONE -> each.name() + ": " + each.results() + " results in " + took
                        + (each.message() == null ? "" : " (" + each.message() + ")");
                case FAILED -> each.name() + ": failed: " + each.message();
                case TIMED_OUT -> each.name() + ": timed out after " + took;
                case CANCELLED -> each.name() + ": stopped";
            });
        }
        return String.join(" · ", parts);
    }

    private void sortBy(HitColumn column) {
        sortedBy = column;
        hits = sorted(hits, column);
        table.setSortColumn(table.getColumn(column.ordinal()));
        table.setSortDirection(column == HitColumn.NAME ? SWT.UP : SWT.DOWN);
        table.clearAll();
    }

    private static List<SearchHit> sorted(List<SearchHit> hits, HitColumn column) {
        List<SearchHit> copy = new ArrayList<>(hits);
        copy.sort(column.order().thenComparing(Comparator.comparing((SearchHit hit) -> hit.result().title())));
        return List.copyOf(copy);
    }

    private void addSelected() {
        int index = table.getSelectionIndex();
        if (index < 0 || index >= hits.size()) {
            return;
        }
        add.accept(target(hits.get(index).result()));
    }

    /** A local .torrent as a path, else its URL; a magnet link only when there is no .torrent. */
    static String target(SearchResult result) {
        if (result.torrentUrl() != null) {
            return "file".equalsIgnoreCase(result.torrentUrl().getScheme()) ? Path.of(result.torrentUrl()).toString()
                    : result.torrentUrl().toString();
        }
        return result.magnet().toString();
    }

    /** Reads the providers off the display thread, shows them on it; again every few seconds. */
    private void refreshProviders() {
        if (refreshing || pane.isDisposed()) {
            return;
        }
        readProviders();
        if (pane.isVisible()) {
            refreshing = true;
            display.timerExec(PROVIDERS_EVERY_MS, () -> {
                refreshing = false;
                refreshProviders();
            });
        }
    }

    private void readProviders() {
        try {
            work.execute(() -> {
                List<ProviderInfo> now = service.get().map(SearchService::providers).orElse(List.of());
                Ui.post(display, () -> showProviders(now));
            });
        } catch (RejectedExecutionException e) {
            // The window is closing.
        }
    }

    private void showProviders(List<ProviderInfo> now) {
        if (pane.isDisposed()) {
            return;
        }
        List<String> ids = now.stream().map(ProviderInfo::id).toList();
        if (ids.equals(providerIds)) {
            return;
        }
        String chosen = providers.getSelectionIndex() > 0 ? providerIds.get(providers.getSelectionIndex() - 1) : null;
        providerIds.clear();
        providerIds.addAll(ids);
        List<String> items = new ArrayList<>();
        items.add(ALL);
        now.forEach(info -> items.add(info.name()));
        providers.setItems(items.toArray(String[]::new));
        int index = chosen == null ? -1 : providerIds.indexOf(chosen);
        providers.select(index < 0 ? 0 : index + 1);
        if (!"searching".equals(status) && hits.isEmpty()) {
            outcome.setText(now.isEmpty() ? describe(List.of())
                    : now.size() + " search provider" + (now.size() == 1 ? "" : "s") + ": "
                            + String.join(", ", now.stream().map(ProviderInfo::name).toList()));
        }
    }
}

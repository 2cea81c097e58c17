package dev.shoal.ui.swt.internal.dialogs;

import dev.shoal.support.config.CfgFiles;
import dev.shoal.support.config.InvalidValueException;
import dev.shoal.support.config.MetatypeValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Preferences": the same ConfigAdmin settings as {@code shoal:config}, one tab per configuration,
 * each field as its metatype describes it. Reading the metatypes and saving run on {@code work};
 * "Save" writes only the values changed, merged into what is stored, and nothing while any is bad.
 */
public final class PreferencesDialog {

    public static final String TITLE = "Preferences";

    /** The configurations shown, in tab order; those without a metatype are left out. */
    static final List<String> PIDS = List.of("dev.shoal.engine", "dev.shoal.udp", "dev.shoal.dht",
            "dev.shoal.watch", "dev.shoal.remote", "dev.shoal.rpc", "dev.shoal.ui.swt");

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesDialog.class);

    /** What {@link #check} returns for a field whose text does not fit. */
    private static final Object BAD = new Object();

    /** One configuration as read: its description and what is stored (null when nothing is). */
    private record Page(String pid, ObjectClassDefinition ocd, Dictionary<String, Object> stored) {
    }

    /** One field: its text now, the text it started with, and where its problem shows. */
    private record Field(String pid, AttributeDefinition ad, String initial, Supplier<String> text, Label problem) {
    }

    private final ConfigurationAdmin admin;
    private final Executor work;
    private final Shell shell;
    private final List<Field> fields = new ArrayList<>();
    private final Label status;
    private final Button save;

    private PreferencesDialog(Shell parent, ConfigurationAdmin admin, Executor work, List<Page> pages) {
        this.admin = admin;
        this.work = work;
        shell = Forms.dialog(parent, TITLE, 1, SWT.NONE);
        CTabFolder tabs = new CTabFolder(shell, SWT.BORDER | SWT.TOP);
        GridData tabsData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tabsData.heightHint = 420;
        tabsData.widthHint = 720;
        tabs.setLayoutData(tabsData);
        for (Page page : pages) {
            CTabItem tab = new CTabItem(tabs, SWT.NONE);
            tab.setText(page.ocd().getName() == null ? page.pid() : page.ocd().getName());
            tab.setToolTipText(page.pid());
            tab.setControl(page(tabs, page));
        }
        if (tabs.getItemCount() > 0) {
            tabs.setSelection(0);
        }
        status = Forms.value(shell, pages.isEmpty() ? "No settings are described (no metatypes found)." : "", 1);
        Composite row = Forms.buttonRow(shell, 1, 2);
        save = Forms.button(row, "Save", this::save);
        Forms.button(row, "Cancel", shell::close);
        shell.setDefaultButton(save);
    }

    /**
     * Reads the settings on {@code work}, then shows the dialog (title "Preferences") on the display
     * thread; returns at once.
     */
    public static void open(Shell parent, ConfigurationAdmin admin, MetaTypeService metatype, BundleContext context,
            Executor work) {
        Display display = parent.getDisplay();
        Forms.work(work, () -> {
            String problem;
            try {
                List<Page> pages = pages(admin, metatype, context);
                Forms.later(display, () -> {
                    if (!parent.isDisposed()) {
                        Forms.show(new PreferencesDialog(parent, admin, work, pages).shell, 600);
                    }
                });
                return;
            } catch (IOException | InvalidSyntaxException | RuntimeException e) {
                LOG.warn("could not read the settings", e);
                problem = "cannot read the settings: " + e.getMessage();
            }
            String message = problem;
            Forms.later(display, () -> {
                if (!parent.isDisposed()) {
                    Notice.error(parent, message);
                }
            });
        });
    }

    private static List<Page> pages(ConfigurationAdmin admin, MetaTypeService metatype, BundleContext context)
            throws IOException, InvalidSyntaxException {
        if (metatype == null) {
            throw new IllegalStateException("no MetaTypeService: the org.apache.felix.metatype bundle is not running");
        }
        Map<String, ObjectClassDefinition> described = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                if (PIDS.contains(pid)) {
                    described.put(pid, info.getObjectClassDefinition(pid, null));
                }
            }
        }
        List<Page> pages = new ArrayList<>();
        for (String pid : PIDS) {
            ObjectClassDefinition ocd = described.get(pid);
            if (ocd != null) {
                // Listing, unlike getConfiguration, does not create a configuration that is not there.
                Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
                pages.add(new Page(pid, ocd, found == null || found.length == 0 ? null : found[0].getProperties()));
            }
        }
        return pages;
    }

    private Control page(CTabFolder tabs, Page page) {
        ScrolledComposite scroll = new ScrolledComposite(tabs, SWT.V_SCROLL);
        Composite form = new Composite(scroll, SWT.NONE);
        form.setLayout(new GridLayout(3, false));
        AttributeDefinition[] ads = page.ocd().getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : ads == null ? new AttributeDefinition[0] : ads) {
            field(form, page, ad);
        }
        scroll.setContent(form);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        return scroll;
    }

    private void field(Composite form, Page page, AttributeDefinition ad) {
        Label label = Forms.label(form, ad.getName() == null || ad.getName().isBlank() ? ad.getID() : ad.getName());
        String tip = ad.getDescription() == null || ad.getDescription().isBlank() ? ad.getID()
                : ad.getDescription() + " (" + ad.getID() + ")";
        label.setToolTipText(tip);
        boolean password = ad.getType() == AttributeDefinition.PASSWORD;
        // Write-only: a password starts empty, and left empty it stays as stored.
        String initial = password ? "" : MetatypeValues.initial(ad, page.stored());
        Control widget;
        Supplier<String> text;
        String[] options = ad.getOptionValues();
        if (ad.getType() == AttributeDefinition.BOOLEAN && ad.getCardinality() == 0) {
            Button check = new Button(form, SWT.CHECK);
            check.setSelection(Boolean.parseBoolean(initial));
            widget = check;
            text = () -> Boolean.toString(check.getSelection());
        } else if (options != null && options.length > 0 && ad.getCardinality() == 0) {
            Combo combo = new Combo(form, SWT.READ_ONLY);
            String[] labels = ad.getOptionLabels();
            List<String> values = new ArrayList<>(Arrays.asList(options));
            for (int i = 0; i < options.length; i++) {
                combo.add(labels != null && i < labels.length ? labels[i] : options[i]);
            }
            if (!values.contains(initial)) {
                // A stored value the metatype does not list: shown, so saving does not change it unasked.
                values.add(initial);
                combo.add(initial);
            }
            combo.select(values.indexOf(initial));
            widget = combo;
            text = () -> values.get(Math.max(0, combo.getSelectionIndex()));
        } else {
            Text field = Forms.text(form, initial, SWT.SINGLE | (password ? SWT.PASSWORD : SWT.NONE), 1);
            if (password) {
                field.setMessage(MetatypeValues.initial(ad, page.stored()).isEmpty() ? "not set"
                        : "set; type a new one to replace it");
            }
            ((GridData) field.getLayoutData()).widthHint = 260;
            widget = field;
            text = field::getText;
        }
        widget.setToolTipText(tip);
        if (!(widget instanceof Text)) {
            widget.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        }
        Label problem = new Label(form, SWT.NONE);
        problem.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_RED));
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Field f = new Field(page.pid(), ad, initial, text, problem);
        fields.add(f);
        // Said as it is typed; "Save" checks again.
        widget.addListener(widget instanceof Text ? SWT.Modify : SWT.Selection, event -> check(f));
    }

    /** The field's value when it changed and fits, null when unchanged, else {@link #BAD}; shows or clears its problem. */
    private Object check(Field field) {
        String now = field.text().get();
        String problem = "";
        Object value = null;
        if (!now.equals(field.initial())) {
            try {
                value = MetatypeValues.parse(field.ad(), now);
            } catch (InvalidValueException e) {
                problem = e.getMessage();
            }
        }
        if (!field.problem().getText().equals(problem)) {
            field.problem().setText(problem);
            field.problem().getParent().layout(new Control[] {field.problem()});
        }
        return problem.isEmpty() ? value : BAD;
    }

    private void save() {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        int bad = 0;
        for (Field field : fields) {
            Object value = check(field);
            if (value == BAD) {
                bad++;
            } else if (value != null) {
                changes.computeIfAbsent(field.pid(), pid -> new LinkedHashMap<>()).put(field.ad().getID(), value);
            }
        }
        if (bad > 0) {
            status.setText("Nothing saved: " + bad + (bad == 1 ? " value needs" : " values need") + " fixing.");
            return;
        }
        if (changes.isEmpty()) {
            shell.close();
            return;
        }
        save.setEnabled(false);
        status.setText("Saving…");
        Display display = shell.getDisplay();
        boolean queued = Forms.work(work, () -> {
            String problem = "";
            for (Map.Entry<String, Map<String, Object>> change : changes.entrySet()) {
                try {
                    Configuration configuration = admin.getConfiguration(change.getKey(), "?");
                    CfgFiles.update(configuration,
                            MetatypeValues.merged(configuration.getProperties(), change.getValue()));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not save {}", change.getKey(), e);
                    problem = change.getKey() + ": cannot save: " + e.getMessage();
                    break;
                }
            }
            String outcome = problem;
            Forms.later(display, () -> {
                if (!shell.isDisposed()) {
                    save.setEnabled(true);
                    status.setText("");
                    Forms.closeOrTell(shell, save).accept(outcome);
                }
            });
        });
        if (!queued) {
            save.setEnabled(true);
            status.setText("Shoal is closing; nothing saved.");
        }
    }
}

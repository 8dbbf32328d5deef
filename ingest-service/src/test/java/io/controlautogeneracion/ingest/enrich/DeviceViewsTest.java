package io.controlautogeneracion.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.ingest.testing.IngestConfigs;
import io.controlautogeneracion.model.catalog.DeviceHistory;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceViewsTest {

    private static final DeviceKey DEVICE = new DeviceKey("panel", "P-1");

    private final DeviceViews views = new DeviceViews(IngestConfigs.with(Map.of()));
    private final DeviceEnrichment enrichment =
            DeviceEnrichment.of(new DeviceHistory(DeviceKind.PANEL, "P-1", null, null, null, null));

    @Test
    void shouldVerifyADeviceFirstStoredAndLeaveItCleanWhileItsViewStands() {
        enrichment.storedAs(DEVICE, views);
        enrichment.storedAs(DEVICE, views);
        enrichment.storedAs(DEVICE, views);

        assertThat(views.takeToVerify(10)).containsEntry(DEVICE, enrichment.viewRev());
        assertThat(views.dirty(10)).isEmpty();
    }

    @Test
    void shouldNotMissAViewThePassRecordedBetweenTwoBatches() {
        enrichment.storedAs(DEVICE, views);
        enrichment.storedAs(DEVICE, views);
        // The pass found the catalog's view moved on and brought the documents in line with it;
        // this batch's documents still carry the view the ingest path holds.
        views.current(DEVICE, "a later view");

        enrichment.storedAs(DEVICE, views);

        assertThat(views.dirty(10)).extracting(DeviceViews.Dirty::device).containsExactly(DEVICE);
    }

    @Test
    void shouldMarkDirtyADeviceStoredWithAViewOtherThanTheLastSeen() {
        views.storedWith(DEVICE, "first view");

        enrichment.storedAs(DEVICE, views);

        assertThat(views.dirty(10)).extracting(DeviceViews.Dirty::device).containsExactly(DEVICE);
    }
}

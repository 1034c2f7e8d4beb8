package fr.croisements.viz.presentation;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back a QR code drawn as SVG by {@link QrCodeRoutes}: its squares painted into pixels, decoded by ZXing. */
public final class CodesQr {

    private static final Pattern TAILLE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int ECHELLE = 4;

    private CodesQr() {}

    /** The text of the QR code in this SVG. */
    public static String lire(String svg) throws NotFoundException, ChecksumException, FormatException {
        Matcher taille = TAILLE.matcher(svg);
        if (!taille.find()) {
            throw new IllegalArgumentException("pas de viewBox : " + svg);
        }
        int cote = Integer.parseInt(taille.group(1)) * ECHELLE;
        int[] pixels = new int[cote * cote];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = MODULE.matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1)) * ECHELLE;
            int y = Integer.parseInt(module.group(2)) * ECHELLE;
            for (int dy = 0; dy < ECHELLE; dy++) {
                Arrays.fill(pixels, (y + dy) * cote + x, (y + dy) * cote + x + ECHELLE, 0xFF000000);
            }
        }
        var image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(cote, cote, pixels)));
        return new QRCodeReader().decode(image, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}

/*
 * Emulates the OB 3.0 extractor of the 1EdTech validator (DIGEST section 2.3): PNG through ImageIO metadata
 * (the first iTXt entry whose keyword is "openbadgecredential"), SVG through a namespace-aware StAX event
 * reader matching the QName (https://purl.imsglobal.org/ob/v3p0, credential): the verify attribute, else the
 * first non-whitespace character data. Prints one line per file: the file, a tab, and the payload or
 * "null" (newlines escaped as \n).
 */
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.XMLEvent;
import org.w3c.dom.Node;

public class Ob3Extract {
  static final QName CREDENTIAL = new QName("https://purl.imsglobal.org/ob/v3p0", "credential");

  public static void main(String[] args) throws Exception {
    for (String file : args) {
      byte[] data = Files.readAllBytes(Path.of(file));
      String payload;
      try {
        payload = (data.length > 8 && (data[0] & 0xff) == 0x89) ? png(data) : svg(data);
      } catch (Exception e) {
        payload = "ERROR " + e;
      }
      System.out.println(file + "\t" + (payload == null ? "null" : payload.replace("\\", "\\\\").replace("\n", "\\n")));
    }
  }

  static String png(byte[] data) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      ImageReader reader = readers.next();
      reader.setInput(in, true, false);
      IIOMetadata metadata = reader.getImageMetadata(0);
      Node root = metadata.getAsTree("javax_imageio_png_1.0");
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (!n.getNodeName().equals("iTXt")) continue;
        for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
          Node keyword = e.getAttributes().getNamedItem("keyword");
          Node text = e.getAttributes().getNamedItem("text");
          if (keyword != null && text != null && keyword.getNodeValue().equals("openbadgecredential")) {
            return text.getNodeValue();
          }
        }
      }
      return null;
    }
  }

  static String svg(byte[] data) throws Exception {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLEventReader reader = factory.createXMLEventReader(new ByteArrayInputStream(data));
    while (reader.hasNext()) {
      XMLEvent ev = reader.nextEvent();
      if (ev.isStartElement() && ev.asStartElement().getName().equals(CREDENTIAL)) {
        Attribute verify = ev.asStartElement().getAttributeByName(new QName("verify"));
        if (verify != null) return verify.getValue();
        while (reader.hasNext()) {
          ev = reader.nextEvent();
          if (ev.isEndElement() && ev.asEndElement().getName().equals(CREDENTIAL)) break;
          if (ev.getEventType() == XMLEvent.CHARACTERS && !ev.asCharacters().isWhiteSpace()) return ev.asCharacters().getData();
        }
      }
    }
    return null;
  }
}

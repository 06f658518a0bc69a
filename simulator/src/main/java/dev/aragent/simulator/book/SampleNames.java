package dev.aragent.simulator.book;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Company and person names for the sample book; company names are unique within a book. */
final class SampleNames {
    private static final List<String> PLACES = List.of(
            "Harbor",
            "Maple",
            "Cedar",
            "Summit",
            "Riverside",
            "Blue Fern",
            "Granite",
            "Lakeview",
            "Oak Hollow",
            "Pioneer",
            "Sunset",
            "Willow",
            "Copper",
            "Prairie",
            "Bayside",
            "Redwood",
            "Magnolia",
            "Hilltop",
            "Golden Gate",
            "Liberty",
            "Evergreen",
            "Silver Creek",
            "Northstar",
            "Canyon",
            "Juniper",
            "Old Mill",
            "Hudson",
            "Sierra",
            "Coastal",
            "Birchwood",
            "Lone Pine",
            "Meadowbrook",
            "Ironwood",
            "Bluebonnet",
            "Desert Rose",
            "Palmetto",
            "Aspen",
            "Chesapeake",
            "Ozark",
            "Cascade");
    private static final List<String> TOWNS = List.of(
            "Springfield",
            "Fairview",
            "Riverton",
            "Georgetown",
            "Salem",
            "Franklin",
            "Greenville",
            "Clinton",
            "Madison",
            "Arlington",
            "Ashland",
            "Dover",
            "Oxford",
            "Milton",
            "Newport",
            "Burlington",
            "Manchester",
            "Jackson",
            "Marion",
            "Lexington",
            "Auburn",
            "Dayton",
            "Kingston",
            "Hudson Falls");
    private static final List<String> FIRST = List.of(
            "Maria", "James", "Aisha", "Wei", "Carlos", "Priya", "John", "Fatima", "Daniel", "Sofia", "Kwame", "Emily",
            "Hiroshi", "Olga", "Luis", "Grace", "Ahmed", "Hannah", "Tomás", "Nia", "Robert", "Mei", "Diego", "Sarah",
            "Ivan", "Chloe", "Samuel", "Ana", "Omar", "Linda");
    private static final List<String> LAST = List.of(
            "Garcia",
            "Smith",
            "Nguyen",
            "Johnson",
            "Patel",
            "Williams",
            "Kim",
            "Brown",
            "Hernandez",
            "Okafor",
            "Miller",
            "Rossi",
            "Davis",
            "Lopez",
            "Chen",
            "Wilson",
            "Ivanova",
            "Martinez",
            "Anderson",
            "Haddad",
            "Taylor",
            "Moore",
            "Jackson",
            "Schmidt",
            "Thompson",
            "White",
            "Yamamoto");

    private final SplittableRandom random;
    private final Set<String> used = new HashSet<>();

    SampleNames(SplittableRandom random) {
        this.random = random;
    }

    String company(Segment segment) {
        for (int attempt = 0; ; attempt++) {
            String place = PLACES.get(random.nextInt(PLACES.size()));
            String suffix = segment.suffixes.get(random.nextInt(segment.suffixes.size()));
            String name = attempt < 3
                    ? place + " " + suffix
                    : place + " " + suffix + " of " + TOWNS.get(random.nextInt(TOWNS.size()));
            if (used.add(name)) {
                return name;
            }
        }
    }

    String person() {
        return FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
    }
}

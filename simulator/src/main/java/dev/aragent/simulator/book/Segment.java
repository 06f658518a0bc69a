package dev.aragent.simulator.book;

import java.util.List;

/**
 * A customer segment of the sample distributor and its payment habits: how often it pays late, by how much, how often
 * it disputes, how big its invoices run, and how often an account in it falls into distress and stops paying.
 */
enum Segment {
    RESTAURANTS(
            "restaurants",
            "Food service",
            0.22,
            0.55,
            16,
            0.04,
            850,
            0.05,
            List.of("Bistro", "Grill", "Kitchen", "Cafe", "Diner", "Taqueria", "Trattoria", "Eatery")),
    HOTELS(
            "hotels",
            "Hospitality",
            0.10,
            0.40,
            14,
            0.03,
            2_400,
            0.02,
            List.of("Hotel", "Inn", "Suites", "Lodge", "Resort")),
    OFFICES(
            "offices",
            "Professional services",
            0.18,
            0.20,
            7,
            0.01,
            600,
            0.01,
            List.of("Associates", "Partners", "Consulting", "Law Group", "Advisors", "Architects")),
    SCHOOLS(
            "schools",
            "Education",
            0.10,
            0.50,
            24,
            0.01,
            1_800,
            0.005,
            List.of("Academy", "Elementary", "Middle School", "Charter School", "Prep", "Learning Center")),
    CLINICS(
            "clinics",
            "Healthcare",
            0.10,
            0.50,
            20,
            0.02,
            1_200,
            0.02,
            List.of("Family Clinic", "Dental", "Medical Group", "Urgent Care", "Pediatrics", "Physical Therapy")),
    RETAIL(
            "retail",
            "Retail",
            0.15,
            0.35,
            12,
            0.03,
            950,
            0.03,
            List.of("Market", "Outfitters", "Goods", "Supply", "Mercantile")),
    CONSTRUCTION(
            "construction",
            "Construction",
            0.08,
            0.60,
            28,
            0.06,
            3_200,
            0.06,
            List.of("Builders", "Contracting", "Construction", "Renovations", "Roofing")),
    NONPROFITS(
            "nonprofits",
            "Non-profit",
            0.07,
            0.40,
            15,
            0.01,
            700,
            0.02,
            List.of("Foundation", "Community Center", "Food Bank", "Shelter", "Youth League"));

    final String code;
    final String industry;
    final double share;
    final double lateProbability;
    final double meanDaysLate;
    final double disputeRate;
    final int meanInvoiceDollars;
    final double distressRate;
    final List<String> suffixes;

    Segment(
            String code,
            String industry,
            double share,
            double lateProbability,
            double meanDaysLate,
            double disputeRate,
            int meanInvoiceDollars,
            double distressRate,
            List<String> suffixes) {
        this.code = code;
        this.industry = industry;
        this.share = share;
        this.lateProbability = lateProbability;
        this.meanDaysLate = meanDaysLate;
        this.disputeRate = disputeRate;
        this.meanInvoiceDollars = meanInvoiceDollars;
        this.distressRate = distressRate;
        this.suffixes = suffixes;
    }
}

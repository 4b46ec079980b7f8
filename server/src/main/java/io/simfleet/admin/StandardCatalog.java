package io.simfleet.admin;

import io.simfleet.catalog.CatalogModel.Feature;
import io.simfleet.catalog.CatalogModel.Network;
import java.util.List;

/** The operator's default coverage and service features, given to new enterprises' DEFAULT profiles. */
final class StandardCatalog {
    private StandardCatalog() {}

    /** Real networks (TADIG, MCC-MNC); the first four are the walkthrough's. */
    static final List<Network> NETWORKS = List.of(
            new Network("74603", "Digicel", "IR1", "SURDC", "Suriname", "74603"),
            new Network("310150", "AT&T Mobility", "IR1", "USACG", "United States", "310150,310410,310170"),
            new Network("37201", "Communication Cellulaire dHaiti SA", "IR1", "HTICC", "Haiti", "37201"),
            new Network("54715", "Pacific Mobile Telecom SAS", "IR1", "PYFPM", "French Polynesia", "54715"),
            new Network("20601", "Proximus", "IR1", "BELTB", "Belgium", "20601"),
            new Network("20610", "Orange Belgium", "IR2", "BELMO", "Belgium", "20610"),
            new Network("20620", "Telenet (BASE)", "IR2", "BELKO", "Belgium", "20620"),
            new Network("26201", "Telekom Deutschland", "IR1", "DEUD1", "Germany", "26201"),
            new Network("26202", "Vodafone Germany", "IR2", "DEUD2", "Germany", "26202"),
            new Network("26203", "Telefonica Germany", "IR3", "DEUE2", "Germany", "26203"),
            new Network("20801", "Orange France", "IR1", "FRAF1", "France", "20801"),
            new Network("20810", "SFR", "IR2", "FRAF2", "France", "20810"),
            new Network("20820", "Bouygues Telecom", "IR3", "FRAF3", "France", "20820"),
            new Network("23415", "Vodafone UK", "IR1", "GBRVF", "United Kingdom", "23415"),
            new Network("23430", "EE", "IR2", "GBRME", "United Kingdom", "23430"),
            new Network("23410", "O2 UK", "IR3", "GBRCN", "United Kingdom", "23410"),
            new Network("20408", "KPN", "IR1", "NLDPN", "Netherlands", "20408"),
            new Network("20404", "Vodafone Netherlands", "IR2", "NLDLT", "Netherlands", "20404"),
            new Network("21407", "Movistar", "IR1", "ESPTE", "Spain", "21407"),
            new Network("21401", "Vodafone Spain", "IR2", "ESPAT", "Spain", "21401"),
            new Network("22201", "TIM", "IR1", "ITASI", "Italy", "22201"),
            new Network("22210", "Vodafone Italy", "IR2", "ITAOM", "Italy", "22210"),
            new Network("22801", "Swisscom", "IR1", "CHEC1", "Switzerland", "22801"),
            new Network("310260", "T-Mobile USA", "IR4", "USAW6", "United States", "310260"),
            new Network("302220", "Telus Mobility", "IR4", "CANTS", "Canada", "302220"),
            new Network("52505", "StarHub", "IR3", "SGPSH", "Singapore", "52505"));

    /** The walkthrough's feature list of SP_319. */
    static final List<Feature> FEATURES = List.of(
            new Feature("3", "DATA", "IsGPRSAllowed", "DATA", "M", "IsGPRSAllowed=true|IsRoamingDataAllowed=true", "true"),
            new Feature("11", "BLOCK_DATA_ROAMING", "IsRoamingDataAllowed", "BLOCK_DATA_ROAMING", "M", null, "false"),
            new Feature("1", "SMS_MO", "IsSMSAllowed", "SMS_MO", "M",
                    "IsSmsSTDAllowed=true|IsSmsISDAllowed=true|IsSmsMTAllowed=true|OutgoingSMSAllowedInIntlRoaming=true|OutgoingSMSAllowedInNatRoaming=true|IsInternationalRoaming=true|IsNationalRoaming=true", "true"),
            new Feature("5", "BLOCK_INTERNATIONAL_ROAMING_SMS", "IncomingSMSAllowedInIntlRoaming", "BLOCK_INTERNATIONAL_ROAMING_SMS", "M",
                    "OutgoingSMSAllowedInIntlRoaming=true", "false"),
            new Feature("2", "SMS_MT", "IsSmsMTAllowed", "SMS_MT", "M",
                    "IsSmsSTDAllowed=true|IsSmsISDAllowed=true|IsSMSAllowed=true|IncomingSMSAllowedInIntlRoaming=true|IncomingSMSAllowedInNatRoaming=true|IsInternationalRoaming=true|IsNationalRoaming=true", "true"));
}

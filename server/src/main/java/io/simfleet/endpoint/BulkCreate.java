package io.simfleet.endpoint;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bulk provisioning request: endpoints {@code <name>_<firstNameId + i>}, one per ICCID, all
 * with the same plan, APN group, roaming profiles, dynamic benefit, credit limit, IMEI lock,
 * add-ons, value-added features and tags.
 */
public record BulkCreate(String name, long firstNameId, List<String> iccids, String apnGroupId, String planId,
                         List<Long> roamingProfileIds, Long dynamicBenefitId, BigDecimal creditLimit, Boolean imeiLock,
                         List<String> addonPlanIds, List<String> valueAddedFeatureIds, List<Long> tagIds, boolean activate) {
    public static final int MAX = 4000;

    /**
     * The ICCIDs of an {@code iccidList}: 1 to {@link #MAX} of them, each 19 ASCII digits (as the
     * reference says for bulk provisioning), none twice. Raises 1000, 10073, 1001 or 10146.
     */
    public static List<String> iccidsOfList(List<String> iccids) {
        if (iccids.isEmpty()) throw DomainException.missing("iccidList");
        if (iccids.size() > MAX) throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "iccidList");
        for (String i : iccids) if (!ICCID.matcher(i).matches()) throw DomainException.wrong("iccidList");
        if (new HashSet<>(iccids).size() != iccids.size()) throw new DomainException(ResultCode.BULK_ICCID_LIST_DUPLICATES);
        return List.copyOf(iccids);
    }

    /**
     * The {@code quantity} consecutive ICCIDs from {@code start} (19 ASCII digits), 1 to
     * {@link #MAX} of them; {@code end}, when given, must be the last. Raises 1000, 1001 or 10073.
     */
    public static List<String> iccidsOfRange(String start, Long quantity, String end) {
        if (!ICCID.matcher(start).matches()) throw DomainException.wrong("startICCID");
        if (quantity == null) throw DomainException.missing("quantity");
        if (quantity < 1) throw DomainException.wrong("quantity");
        if (quantity > MAX) throw new DomainException(ResultCode.MAXIMUM_COUNT_EXCEEDED, "quantity");
        BigInteger first = new BigInteger(start);
        List<String> iccids = new ArrayList<>();
        for (int i = 0; i < quantity; i++) iccids.add(first.add(BigInteger.valueOf(i)).toString());
        if (end != null && !end.isEmpty() && !end.equals(iccids.get(iccids.size() - 1))) throw DomainException.wrong("endICCID");
        return List.copyOf(iccids);
    }

    private static final Pattern ICCID = Pattern.compile("[0-9]{19}");

    public String nameOf(int i) {
        return name + "_" + (firstNameId + i);
    }

    /**
     * Every name of the batch follows Create's name rule ({@link EndpointRules#name}), else 1001
     * naming {@code endPointName}. The suffix grows with {@code i}, so the first name is the
     * shortest and the last the longest: checking those two checks them all.
     */
    public void checkNames() {
        EndpointRules.name(nameOf(0), "endPointName");
        EndpointRules.name(nameOf(iccids.size() - 1), "endPointName");
    }
}

package com.example.crosssell.unit;

import java.util.List;
import java.util.Optional;

import com.example.crosssell.MissingReferenceException;
import com.example.crosssell.RecordInUseException;
import com.example.crosssell.RecordNotFoundException;
import com.example.crosssell.RecordType;
import com.example.crosssell.RecordsStored;
import com.example.crosssell.Upserted;
import com.example.crosssell.WriteOutcome;
import com.example.crosssell.web.PageQuery;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of business units; other features resolve unit codes through {@link #require}. */
@Service
public class UnitService {

    static final Sort ORDER = Sort.by("code");

    private final BusinessUnitRepository units;

    private final ApplicationEventPublisher events;

    private final JdbcClient jdbc;

    private final EntityManager entities;

    UnitService(BusinessUnitRepository units, ApplicationEventPublisher events, JdbcClient jdbc,
            EntityManager entities) {
        this.units = units;
        this.events = events;
        this.jdbc = jdbc;
        this.entities = entities;
    }

    /** Creates or renames the unit (units carry no {@code updatedAt}, so a write always applies). */
    @Transactional
    public Upserted<UnitResponse> upsert(String code, UnitRequest request) {
        var existing = units.findByCode(code);
        if (existing.isPresent()) {
            existing.get().rename(request.name());
            return new Upserted<>(UnitResponse.of(existing.get()), WriteOutcome.UPDATED);
        }
        var created = units.saveAndFlush(new BusinessUnit(code, request.name()));
        events.publishEvent(new RecordsStored(RecordType.UNIT, List.of(code)));
        return new Upserted<>(UnitResponse.of(created), WriteOutcome.CREATED);
    }

    /**
     * The unit, or empty when it does not exist (yet): the webhook inbox then waits for it. Only inside the caller's
     * transaction: the id comes from one plain statement and the entity is a reference of this transaction's
     * persistence context, loaded only if read (a webhook delivery runs this on every event: through the repository
     * it cost a sixth of the delivery's CPU, issue 7).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<BusinessUnit> lookup(String code) {
        return jdbc.sql("select id from business_unit where code = :code").param("code", code).query(Long.class)
                .optional().map(id -> entities.getReference(BusinessUnit.class, id));
    }

    @Transactional(readOnly = true)
    public UnitResponse get(String code) {
        return units.findByCode(code).map(UnitResponse::of)
                .orElseThrow(() -> new RecordNotFoundException("Unit", code));
    }

    @Transactional(readOnly = true)
    public PagedModel<UnitResponse> list(PageQuery paging) {
        return new PagedModel<>(units.findAll(paging.toPageable(ORDER)).map(UnitResponse::of));
    }

    @Transactional
    public void delete(String code) {
        try {
            if (units.deleteByCode(code) == 0) {
                throw new RecordNotFoundException("Unit", code);
            }
        }
        catch (DataIntegrityViolationException ex) { // fk_customer_home_unit or fk_opportunity_product_unit
            throw new RecordInUseException("Unit", code);
        }
    }

    /** The unit a write refers to in {@code field}, or 422 naming that field. */
    @Transactional(readOnly = true)
    public BusinessUnit require(String field, String code) {
        return units.findByCode(code).orElseThrow(() -> new MissingReferenceException(field, code));
    }

    /** The unit a query names, or 404. */
    @Transactional(readOnly = true)
    public BusinessUnit find(String code) {
        return units.findByCode(code).orElseThrow(() -> new RecordNotFoundException("Unit", code));
    }
}

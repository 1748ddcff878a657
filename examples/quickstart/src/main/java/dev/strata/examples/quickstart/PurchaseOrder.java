package dev.strata.examples.quickstart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An order a customer placed. */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

  /** Where an order is in its life. */
  public enum Status { PLACED, PAID, SHIPPED, CANCELLED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Column(nullable = false)
  private Instant placedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(precision = 12, scale = 2)
  private BigDecimal total;

  protected PurchaseOrder() {}

  public PurchaseOrder(Customer customer, BigDecimal total) {
    this.customer = customer;
    this.placedAt = Instant.now();
    this.status = Status.PLACED;
    this.total = total;
  }

  public Long getId() {
    return id;
  }

  public Status getStatus() {
    return status;
  }
}
